import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isStaff, type Role } from '../../../domain/identity/roles.js';
import { buildCalendar, type IcsEvent } from '../../../domain/schedule/ics.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { sessionDtos } from './sessions.dto.js';
import { sessionsRepo } from './sessions.repo.js';
import { staffRepo } from './staff.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

const DAY = 86_400_000;
/** The feed covers recent and coming weeks; calendar apps poll it every few hours. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 120;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Token format: 43 base64url characters (256 bits). Anything else is refused before a lookup. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Personal calendar feeds (RFC 5545) behind a secret, revocable URL. Only the SHA-256 of the
 * token is stored. Staff feeds name patients by initials only.
 */
export function createFeedsService({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }) {
  const staffOnly = (actor: OrgActor) => {
    if (!isStaff(actor.roles)) throw forbidden();
  };

  return {
    async status(actor: OrgActor) {
      staffOnly(actor);
      const feed = await staffRepo.activeFeed(db, actor.organizationId, actor.userId);
      return { active: !!feed, createdAt: feed?.created_at.toISOString() ?? null, url: null };
    },

    /** Creates the feed, replacing (and so revoking) any earlier link. Returns the path once. */
    create: (actor: OrgActor) =>
      db.transaction().execute(async (trx) => {
        staffOnly(actor);
        const token = randomBytes(32).toString('base64url');
        const now = clock.now();
        await staffRepo.revokeFeeds(trx, actor.organizationId, actor.userId, now);
        const row = await staffRepo.insertFeed(trx, {
          organizationId: actor.organizationId,
          userId: actor.userId,
          tokenHash: hashToken(token),
          at: now,
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'CalendarFeed',
          resourceId: actor.userId,
        });
        return { active: true, createdAt: row.created_at.toISOString(), path: `/ics/${token}.ics` };
      }),

    revoke: (actor: OrgActor) =>
      db.transaction().execute(async (trx) => {
        staffOnly(actor);
        await staffRepo.revokeFeeds(trx, actor.organizationId, actor.userId, clock.now());
        await audit.record(trx, actor, {
          action: 'delete',
          resourceType: 'CalendarFeed',
          resourceId: actor.userId,
        });
        return { active: false, createdAt: null, url: null };
      }),

    /** The ICS text for a live token; unknown, revoked or malformed tokens are a plain 404. */
    async ics(token: string, ip: string | null): Promise<string> {
      if (!FEED_TOKEN.test(token)) throw notFound('calendar feed');
      const owner = await staffRepo.feedByTokenHash(db, hashToken(token));
      if (!owner) throw notFound('calendar feed');
      const now = clock.now();
      const rows = await sessionsRepo.staffedBetween(
        db,
        owner.organization_id,
        owner.user_id,
        new Date(now.getTime() - FEED_PAST_DAYS * DAY),
        new Date(now.getTime() + FEED_FUTURE_DAYS * DAY),
      );
      const sessions = await sessionDtos(db, owner.organization_id, rows);
      const events: IcsEvent[] = sessions.map((s, i) => {
        const who =
          s.kind === 'group'
            ? `${s.participantCount} member${s.participantCount === 1 ? '' : 's'}`
            : s.participants.map((p) => p.initials).join(', ');
        return {
          uid: `${s.id}@trellis`,
          start: new Date(s.startsAt),
          end: new Date(s.endsAt),
          summary: who ? `${s.title} (${who})` : s.title,
          location: s.room?.name ?? (s.telehealthUrl ? 'Telehealth' : null),
          url: s.telehealthUrl,
          description: s.curriculumModule ? `Module: ${s.curriculumModule.title}` : null,
          status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
          sequence: rows[i]!.sequence,
          lastModified: rows[i]!.updated_at,
        };
      });
      const patientIds = [...new Set(sessions.flatMap((s) => s.participants.map((p) => p.patientId)))];
      await audit.record(
        db,
        { organizationId: owner.organization_id, userId: owner.user_id, roles: owner.roles, ip },
        {
          action: 'export',
          resourceType: 'CalendarFeed',
          resourceId: owner.user_id,
          details: { events: events.length, patientIds },
        },
      );
      return buildCalendar({
        prodId: '-//Trellis//Calendar feed//EN',
        name: `${owner.display_name} · ${owner.organization_name}`,
        now,
        events,
      });
    },
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;

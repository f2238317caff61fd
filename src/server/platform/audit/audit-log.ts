import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditOutcome } from '../../../contracts/audit.js';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import { inTransaction, type Db } from '../db/tx.js';
import {
  GENESIS_HASH,
  SYSTEM_CHAIN,
  hashEvent,
  verifyChain,
  verifyHead,
  type ChainProblem,
} from './chain.js';

/** Who did it, as every audited use case knows it. */
export interface Actor {
  organizationId: string | null;
  userId: string | null;
  roles: readonly string[];
  ip: string | null;
}

/** The actor for provisioning work that no signed-in person does (CLI, demo data). */
export const systemActor = (organizationId: string) => ({
  organizationId,
  userId: null,
  roles: ['system'],
  ip: null,
});

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: AuditOutcome;
  /** Non-PHI context only (names of changed fields, counts, filters by id). */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends one event to the actor's organization chain, inside `db`'s transaction when it is one. */
  record(db: Db, actor: Actor, entry: AuditEntry): Promise<void>;
  verify(db: Kysely<DB>): Promise<{ chains: number; events: number; problems: ChainProblem[] }>;
}

const VERIFY_BATCH = 5000;

export function createAuditLog({ clock }: { clock: Clock }): AuditLog {
  return {
    record: (db, actor, entry) =>
      inTransaction(db, async (trx) => {
        const chainKey = actor.organizationId ?? SYSTEM_CHAIN;
        await trx
          .insertInto('audit_chain_heads')
          .values({ chain_key: chainKey, last_seq: '0', last_hash: GENESIS_HASH })
          .onConflict((oc) => oc.column('chain_key').doNothing())
          .execute();
        // The head row lock makes appends to one chain serial.
        const head = await trx
          .selectFrom('audit_chain_heads')
          .select(['last_seq', 'last_hash'])
          .where('chain_key', '=', chainKey)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const fields = {
          id: randomUUID(),
          chainKey,
          chainSeq: Number(head.last_seq) + 1,
          organizationId: actor.organizationId,
          occurredAt: clock.now(),
          actorUserId: actor.userId,
          actorRoles: [...actor.roles],
          action: entry.action,
          resourceType: entry.resourceType,
          resourceId: entry.resourceId ?? null,
          patientId: entry.patientId ?? null,
          ip: actor.ip,
          outcome: entry.outcome ?? 'success',
          details: entry.details ?? {},
        };
        const hash = hashEvent(head.last_hash, fields);
        await trx
          .insertInto('audit_events')
          .values({
            id: fields.id,
            chain_key: chainKey,
            chain_seq: String(fields.chainSeq),
            organization_id: fields.organizationId,
            occurred_at: fields.occurredAt,
            actor_user_id: fields.actorUserId,
            actor_roles: fields.actorRoles,
            action: fields.action,
            resource_type: fields.resourceType,
            resource_id: fields.resourceId,
            patient_id: fields.patientId,
            ip: fields.ip,
            outcome: fields.outcome,
            details: JSON.stringify(fields.details),
            prev_hash: head.last_hash,
            hash,
          })
          .execute();
        await trx
          .updateTable('audit_chain_heads')
          .set({ last_seq: String(fields.chainSeq), last_hash: hash })
          .where('chain_key', '=', chainKey)
          .execute();
      }),

    async verify(db) {
      const heads = await db.selectFrom('audit_chain_heads').selectAll().execute();
      const keys = await db.selectFrom('audit_events').select('chain_key').distinct().execute();
      const chainKeys = [
        ...new Set([...heads.map((h) => h.chain_key), ...keys.map((k) => k.chain_key)]),
      ].sort();
      const problems: ChainProblem[] = [];
      let events = 0;
      for (const chainKey of chainKeys) {
        let last = { seq: 0, hash: GENESIS_HASH };
        for (;;) {
          const batch = await db
            .selectFrom('audit_events')
            .selectAll()
            .where('chain_key', '=', chainKey)
            .where('chain_seq', '>', String(last.seq))
            .orderBy('chain_seq')
            .limit(VERIFY_BATCH)
            .execute();
          if (batch.length === 0) break;
          events += batch.length;
          const rows = batch.map((r) => ({
            id: r.id,
            chainKey: r.chain_key,
            chainSeq: Number(r.chain_seq),
            organizationId: r.organization_id,
            occurredAt: r.occurred_at,
            actorUserId: r.actor_user_id,
            actorRoles: r.actor_roles,
            action: r.action,
            resourceType: r.resource_type,
            resourceId: r.resource_id,
            patientId: r.patient_id,
            ip: r.ip,
            outcome: r.outcome,
            details: r.details,
            prevHash: r.prev_hash,
            hash: r.hash,
          }));
          const result = verifyChain(chainKey, rows, last);
          problems.push(...result.problems);
          last = result.last;
        }
        const head = heads.find((h) => h.chain_key === chainKey);
        problems.push(
          ...verifyHead(chainKey, last, head && { lastSeq: Number(head.last_seq), lastHash: head.last_hash }),
        );
      }
      return { chains: chainKeys.length, events, problems };
    },
  };
}

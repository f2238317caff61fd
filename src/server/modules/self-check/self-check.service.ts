import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SelfCheckCallbackBody } from '../../../contracts/intake.js';
import type { AuditLog } from '../../platform/audit/audit-log.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { IntakeService } from '../intake/index.js';

/**
 * The public "Is an IOP right for me?" page's server side: which clinic it belongs to, and its
 * call-back request, which opens a self referral with consent and stores nothing else.
 */
export function createSelfCheckService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  intake: IntakeService;
  organizationId: string | undefined;
}) {
  const { db, intake } = deps;

  /** The configured clinic, or the only organization of a single-clinic deployment. */
  async function clinic() {
    let query = db.selectFrom('organizations').select(['id', 'name']).orderBy('created_at').limit(2);
    if (deps.organizationId) query = query.where('id', '=', deps.organizationId);
    const rows = await query.execute();
    if (rows.length !== 1) throw notFound('self-check');
    return rows[0]!;
  }

  return {
    async info() {
      return { organizationName: (await clinic()).name };
    },

    async requestCallback(body: z.infer<typeof SelfCheckCallbackBody>, ip: string | null) {
      const org = await clinic();
      const actor = { organizationId: org.id, userId: null, roles: ['public'], ip };
      await db.transaction().execute((trx) =>
        intake.createIn(trx, actor, {
          patient: {
            givenName: body.givenName,
            familyName: body.familyName,
            phone: body.phone,
            email: body.email ?? null,
          },
          source: 'self',
          reason: `Asked for a call back from the online self-check.${body.bestTime ? ` Best time to call: ${body.bestTime}` : ''}`,
          urgency: 'routine',
          consentToContact: true,
        }),
      );
    },
  };
}

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;

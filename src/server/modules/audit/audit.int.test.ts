import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AuditEventDto } from '../../../contracts/audit.js';
import {
  createOrganization,
  createUser,
  login,
  signIn,
  useTestApp,
} from '../../../../test/support/test-app.js';

const t = useTestApp();

type Page = { items: AuditEventDto[]; nextCursor: string | null };

describe('audit log viewer', () => {
  it('lists who did what, newest first, and filters by user and action', async () => {
    const { organization, admin } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    await login(t, user.email, 'wrong password!!');
    await signIn(t, user);
    const s = await signIn(t, admin);

    const all = (await s.get('/api/v1/audit-events')).json<Page>().items;
    expect(all[0]).toMatchObject({
      action: 'login',
      actorUserId: admin.id,
      actorEmail: admin.email,
      outcome: 'success',
      actorRoles: ['admin'],
    });
    expect(all.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'failed_login', 'login']));

    const mine = (await s.get(`/api/v1/audit-events?userId=${user.id}`)).json<Page>().items;
    expect(mine.map((e) => `${e.action}:${e.outcome}`)).toEqual(['login:success', 'failed_login:failure']);
    const failed = (await s.get('/api/v1/audit-events?action=failed_login')).json<Page>().items;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.details).toEqual({ reason: 'bad_password' });
    expect(JSON.stringify(failed)).not.toContain('wrong password');
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const { admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    for (let i = 0; i < 6; i++)
      await s
        .get('/api/v1/organization')
        .then(() => s.post('/api/v1/locations', { name: `Site ${i}`, timeZone: 'UTC' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await s.get(`/api/v1/audit-events?action=create&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<Page>();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    // 2 from provisioning (organization, location) + admin user + 6 locations.
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('filters by clinic-local dates in the organization’s time zone', async () => {
    const { admin } = await createOrganization(t, { timeZone: 'America/Los_Angeles' });
    const s = await signIn(t, admin);
    const now = t.clock.now();
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(now);
    const localTomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
      new Date(now.getTime() + 86_400_000),
    );
    expect(
      (await s.get(`/api/v1/audit-events?from=${localToday}&to=${localToday}`)).json<Page>().items.length,
    ).toBeGreaterThan(0);
    expect((await s.get(`/api/v1/audit-events?from=${localTomorrow}`)).json<Page>().items).toEqual([]);
    const backwards = await s.get(`/api/v1/audit-events?from=${localTomorrow}&to=${localToday}`);
    expect(backwards.statusCode).toBe(400);
    expect((await s.get('/api/v1/audit-events?from=27/11/2026')).statusCode).toBe(400);
    expect((await s.get('/api/v1/audit-events?cursor=abc')).statusCode).toBe(400);
  });

  it('exports the filtered log as CSV and audits the export', async () => {
    const { organization, admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    const res = await s.get('/api/v1/audit-events/export?action=login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="trellis-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'occurred_at,user_id,user_email,roles,action,resource_type,resource_id,patient_id,ip,outcome,event_id',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${admin.email},admin,login,AuthSession,`);
    const exports = await t.deps.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', organization.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports).toHaveLength(1);
  });

  it('shows one event with its details', async () => {
    const { admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    const [first] = (await s.get('/api/v1/audit-events?action=login')).json<Page>().items;
    const one = await s.get(`/api/v1/audit-events/${first!.id}`);
    expect(one.json()).toMatchObject({ id: first!.id, action: 'login' });
  });

  it('is for administrators only', async () => {
    const { organization } = await createOrganization(t);
    const s = await signIn(t, await createUser(t, organization.id, ['program_director']));
    expect((await s.get('/api/v1/audit-events')).statusCode).toBe(403);
    expect((await s.get('/api/v1/audit-events/export')).statusCode).toBe(403);
  });
});

describe('tamper evidence', () => {
  /** Changes the log the way only someone with database superuser rights could: triggers off for this session. */
  async function tamper(statement: ReturnType<typeof sql>) {
    await t.deps.database.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      try {
        await statement.execute(conn);
      } finally {
        await sql`SET session_replication_role = origin`.execute(conn);
      }
    });
  }
  const problemsFor = async (chainKey: string) =>
    (await t.deps.audit.verify(t.deps.database.db)).problems.filter((p) => p.chainKey === chainKey);

  async function orgWithEvents() {
    const { organization, admin } = await createOrganization(t);
    for (let i = 0; i < 3; i++) await signIn(t, admin);
    expect(await problemsFor(organization.id)).toEqual([]);
    return organization.id;
  }

  it('the database refuses to change or delete an audit row', async () => {
    const orgId = await orgWithEvents();
    await expect(
      sql`UPDATE audit_events SET action = 'read' WHERE organization_id = ${orgId}`.execute(
        t.deps.database.db,
      ),
    ).rejects.toThrow();
    await expect(
      sql`DELETE FROM audit_events WHERE organization_id = ${orgId}`.execute(t.deps.database.db),
    ).rejects.toThrow();
  });

  it('verification finds a changed row', async () => {
    const orgId = await orgWithEvents();
    await tamper(sql`UPDATE audit_events SET ip = '10.9.9.9' WHERE chain_key = ${orgId} AND chain_seq = 3`);
    expect(await problemsFor(orgId)).toEqual([{ kind: 'changed', chainKey: orgId, seq: 3 }]);
  });

  it('verification finds a deleted row', async () => {
    const orgId = await orgWithEvents();
    await tamper(sql`DELETE FROM audit_events WHERE chain_key = ${orgId} AND chain_seq = 2`);
    expect(await problemsFor(orgId)).toEqual([{ kind: 'missing', chainKey: orgId, seq: 2 }]);
  });

  it('verification finds the newest rows deleted', async () => {
    const orgId = await orgWithEvents();
    const { n } = await t.deps.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('chain_seq').as('n'))
      .where('chain_key', '=', orgId)
      .executeTakeFirstOrThrow();
    await tamper(sql`DELETE FROM audit_events WHERE chain_key = ${orgId} AND chain_seq = ${n}`);
    expect(await problemsFor(orgId)).toEqual([{ kind: 'truncated', chainKey: orgId, seq: Number(n) }]);
  });
});

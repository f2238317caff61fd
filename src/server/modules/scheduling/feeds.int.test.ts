import { beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp, type Session } from '../../../../test/support/test-app.js';
import {
  addEveningBlock,
  admitMember,
  calendarOf,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York; DST ends on Sunday 1 Nov.
const NOW = '2026-10-28T12:00:00Z';

type Feed = { active: boolean; createdAt: string | null; url: string | null };

const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
const events = (ics: string) => ics.split('BEGIN:VEVENT').length - 1;

let clinic: SchedulingClinic;
let member: EpisodeDto;
let therapist2: Session;
beforeEach(async () => {
  t.clock.set(NOW);
  clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, '2026-10-28');
  member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
  therapist2 = await signIn(t, clinic.people.therapist2);
  const booked = await clinic.director.post('/api/v1/appointments', {
    kind: 'individual',
    patientId: member.patient.id,
    clinicianId: clinic.people.therapist2.id,
    locationId: clinic.location.id,
    date: '2026-11-02',
    start: '16:30',
    durationMinutes: 50,
    roomId: clinic.office.id,
    repeatWeeks: 2,
  });
  expect(booked.statusCode, booked.body).toBe(201);
});

describe('calendar feed', () => {
  it('is off until created; the secret URL is shown once', async () => {
    expect((await therapist2.get('/api/v1/calendar-feed')).json()).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const res = await therapist2.post('/api/v1/calendar-feed');
    expect(res.statusCode, res.body).toBe(201);
    const feed = res.json<Feed>();
    expect(feed.active).toBe(true);
    expect(feed.url).toMatch(/^https?:\/\/[^/]+\/api\/v1\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    const status = (await therapist2.get('/api/v1/calendar-feed')).json<Feed>();
    expect(status).toEqual({ active: true, createdAt: feed.createdAt, url: null });
    // Only a hash of the token is stored.
    const token = /\/ics\/(.+)\.ics$/.exec(feed.url!)![1]!;
    const rows = await t.deps.database.db.selectFrom('calendar_feeds').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('serves the user’s sessions publicly as text/calendar, naming patients by initials only', async () => {
    const url = (await therapist2.post('/api/v1/calendar-feed')).json<Feed>().url!;
    const res = await fetchFeed(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(events(ics)).toBe(2);
    expect(ics).toContain('SUMMARY:Individual therapy (M.L.)');
    expect(ics).toContain('LOCATION:Office 1');
    expect(ics).not.toContain('Morgan');
    expect(ics).not.toContain('Lee');
    expect(ics).not.toContain(member.patient.mrn);

    // The group facilitator's feed carries every group they lead, with a member count, not names.
    const theo = await signIn(t, clinic.people.therapist);
    const theoUrl = (await theo.post('/api/v1/calendar-feed')).json<Feed>().url!;
    const groupIcs = (await fetchFeed(theoUrl)).body;
    expect(events(groupIcs)).toBe(25);
    expect(groupIcs).toContain('SUMMARY:Evening process group (1 member)');
    expect(groupIcs).not.toContain('Morgan');
    expect(groupIcs).not.toContain('Individual therapy');
  });

  it('shows a cancelled session as cancelled', async () => {
    const url = (await therapist2.post('/api/v1/calendar-feed')).json<Feed>().url!;
    const [first] = await calendarOf(
      clinic.director,
      'clinician',
      clinic.people.therapist2.id,
      '2026-11-02',
      '2026-11-02',
    );
    const cancelled = await clinic.director.post(`/api/v1/sessions/${first!.id}/cancel`, {
      reason: 'Therapist ill',
    });
    expect(cancelled.json<SessionDto>().status).toBe('cancelled');
    const ics = (await fetchFeed(url)).body;
    expect(events(ics)).toBe(2);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('STATUS:CONFIRMED');
  });

  it('a replaced or revoked link stops working; a malformed one is 404', async () => {
    const old = (await therapist2.post('/api/v1/calendar-feed')).json<Feed>().url!;
    const replaced = (await therapist2.post('/api/v1/calendar-feed')).json<Feed>().url!;
    expect(replaced).not.toBe(old);
    expect((await fetchFeed(old)).statusCode).toBe(404);
    expect((await fetchFeed(replaced)).statusCode).toBe(200);

    const off = await therapist2.delete('/api/v1/calendar-feed');
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ active: false, createdAt: null, url: null });
    expect((await fetchFeed(replaced)).statusCode).toBe(404);
    expect((await therapist2.get('/api/v1/calendar-feed')).json<Feed>().active).toBe(false);

    for (const path of ['/api/v1/ics/not-a-token.ics', `/api/v1/ics/${'A'.repeat(43)}.ics`]) {
      const res = await t.app.inject({ method: 'GET', url: path });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('BEGIN:VCALENDAR');
    }
  });

  it('records each fetch as an export, with the patients it showed', async () => {
    const url = (await therapist2.post('/api/v1/calendar-feed')).json<Feed>().url!;
    await fetchFeed(url);
    await fetchFeed(url);
    const exports = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'actor_user_id', 'details'])
      .where('organization_id', '=', clinic.organization.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports).toHaveLength(2);
    for (const e of exports) {
      expect(e).toMatchObject({ resource_type: 'CalendarFeed', actor_user_id: clinic.people.therapist2.id });
      expect(e.details).toMatchObject({ events: 2, patientIds: [member.patient.id] });
    }
  });

  it('is for staff accounts only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feed' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/calendar-feed' })).statusCode).toBe(401);
  });
});

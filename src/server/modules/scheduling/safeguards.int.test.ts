import { beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  addEveningBlock,
  admitMember,
  calendarOf,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York.
const NOW = '2026-10-28T12:00:00Z';

let clinic: SchedulingClinic;
beforeEach(async () => {
  t.clock.set(NOW);
  clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, '2026-10-28');
});

const trackSessions = (from: string, to: string): Promise<SessionDto[]> =>
  calendarOf(clinic.director, 'track', clinic.track.id, from, to);

describe('schedule safeguards', () => {
  it('does not recreate a group session on its old date after it was moved', async () => {
    const [monday] = await trackSessions('2026-11-02', '2026-11-02');
    const moved = await clinic.director.post(`/api/v1/sessions/${monday!.id}/move`, {
      date: '2026-11-03',
      start: '18:00',
      end: '21:00',
      reason: 'Room B floor repairs on Monday.',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const again = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/generate`, {
      through: '2026-12-31',
    });
    expect(again.statusCode, again.body).toBe(200);
    const week = await trackSessions('2026-11-02', '2026-11-08');
    expect(week.map((s) => s.localDate)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
  });

  it('refuses moves into the past, onto a closed day, or into the spring-forward hour', async () => {
    const [session] = await trackSessions('2026-11-02', '2026-11-02');
    const move = (date: string, start: string, end: string) =>
      clinic.director.post(`/api/v1/sessions/${session!.id}/move`, {
        date,
        start,
        end,
        reason: 'Rescheduled.',
      });

    const past = await move('2026-10-20', '18:00', '21:00');
    expect(past.statusCode).toBe(400);
    expect(past.json<{ detail: string }>().detail).toBe('Move the session to a time that is still ahead.');

    const closed = await clinic.director.post('/api/v1/closures', {
      locationId: clinic.location.id,
      date: '2026-11-10',
      reason: 'Staff training day',
    });
    expect(closed.statusCode).toBe(201);
    const ontoClosure = await move('2026-11-10', '18:00', '21:00');
    expect(ontoClosure.statusCode).toBe(409);
    expect(ontoClosure.json<{ detail: string }>().detail).toBe('The clinic is closed on 2026-11-10.');

    const gap = await move('2027-03-14', '02:30', '03:00');
    expect(gap.statusCode).toBe(400);
    expect(gap.json<{ detail: string }>().detail).toContain('the clocks change');
  });

  it('refuses a one-off group on a closed day', async () => {
    await clinic.director.post('/api/v1/closures', {
      locationId: clinic.location.id,
      date: '2026-11-11',
      reason: 'Veterans Day',
    });
    const res = await clinic.director.post('/api/v1/sessions', {
      trackId: clinic.track.id,
      origin: 'make_up',
      title: 'Make-up group',
      groupKind: 'skills',
      date: '2026-11-11',
      start: '10:00',
      end: '12:00',
      facilitatorId: clinic.people.therapist.id,
      roomId: clinic.roomA.id,
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses a block whose group is already bigger than its maximum size', async () => {
    for (const givenName of ['Ana', 'Ben', 'Cy'])
      await admitMember(clinic, { givenName, familyName: 'Member' }, '2026-10-29', {
        individual: null,
      });
    const res = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/blocks`, {
      title: 'Small skills group',
      groupKind: 'skills',
      weekdays: ['TU'],
      start: '18:00',
      end: '19:00',
      facilitatorId: clinic.people.therapist2.id,
      roomId: clinic.office.id,
      maxSize: 2,
      activeFrom: '2026-11-03',
    });
    expect(res.statusCode).toBe(409);
    const codes = res.json<{ conflicts: { code: string }[] }>().conflicts.map((c) => c.code);
    expect(codes).toContain('group_full');
    expect(codes).toContain('room_over_capacity');
  });

  it('shows diagnoses to clinical staff but not to the front desk', async () => {
    const episode = await admitMember(clinic, { givenName: 'Dee', familyName: 'Diaz' }, '2026-10-29', {
      diagnoses: [
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1', display: 'MDD, recurrent, moderate' },
      ],
    });
    const clinical = await clinic.director.get(`/api/v1/episodes/${episode.id}`);
    expect(clinical.json<EpisodeDto>().diagnoses).toEqual([
      { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1', display: 'MDD, recurrent, moderate' },
    ]);
    const desk = await signIn(t, clinic.people.frontDesk);
    const seen = await desk.get(`/api/v1/episodes/${episode.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<EpisodeDto>().diagnoses).toBeNull();
    expect(seen.body).not.toContain('F33.1');
  });
});

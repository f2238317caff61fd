import type { ProgramDto, TrackDto } from '../../src/contracts/scheduling.js';
import type { ReferralDetailDto } from '../../src/contracts/intake.js';
import { createOrganization, createUser, signIn, type Session, type TestApp } from './test-app.js';

/** The adult IOP rule from clinical-facts §1.1 (9 h/week) with the program defaults of 3–5 days, 2–4 h/day. */
export const ADULT_RULE = {
  minHoursPerWeek: 9,
  maxHoursPerWeek: 19,
  minDaysPerWeek: 3,
  maxDaysPerWeek: 5,
  minHoursPerDay: 2,
  maxHoursPerDay: 4,
};

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/**
 * A clinic with a director, two licensed clinicians, a supervised clinician, a prescriber and
 * intake coordinator, two rooms, and an Adult IOP with an Evening track (Mon/Wed/Thu 18:00–21:00).
 * The caller sets the clock first: sessions are generated from "today".
 */
export async function schedulingClinic(t: TestApp) {
  const { organization, location, admin } = await createOrganization(t);
  const people = {
    director: await createUser(t, organization.id, ['program_director'], 'Dana Director'),
    therapist: await createUser(t, organization.id, ['clinician'], 'Theo Therapist'),
    therapist2: await createUser(t, organization.id, ['clinician'], 'Casey Clinician'),
    trainee: await createUser(t, organization.id, ['clinician'], 'Riley Resident'),
    prescriber: await createUser(t, organization.id, ['prescriber'], 'Dr. Priya Prescriber'),
    intake: await createUser(t, organization.id, ['intake'], 'Ivy Intake'),
    frontDesk: await createUser(t, organization.id, ['front_desk'], 'Frankie Desk'),
  };
  const roomA = await t.deps.organizations.provisionRoom(organization.id, location.id, {
    name: 'Group Room A',
    capacity: 14,
    telehealth: false,
  });
  const office = await t.deps.organizations.provisionRoom(organization.id, location.id, {
    name: 'Office 1',
    capacity: 3,
    telehealth: false,
  });
  const director = await signIn(t, people.director);
  const res = await director.post('/api/v1/programs', {
    locationId: location.id,
    name: 'Adult Mental Health IOP',
    levelOfCare: 'iop',
    minAge: 18,
    maxAge: null,
    capacity: 40,
    delivery: 'hybrid',
    substanceUse: false,
    intensity: ADULT_RULE,
  });
  expectStatus(res, 201, 'create program');
  const program = res.json<ProgramDto>();
  const trackRes = await director.post(`/api/v1/programs/${program.id}/tracks`, { name: 'Evening' });
  expectStatus(trackRes, 201, 'create track');
  const track = trackRes.json<TrackDto>();
  return { organization, location, admin, people, roomA, office, director, program, track };
}

export type SchedulingClinic = Awaited<ReturnType<typeof schedulingClinic>>;

export async function addEveningBlock(clinic: SchedulingClinic, activeFrom: string, extra: object = {}) {
  const res = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/blocks`, {
    title: 'Evening process group',
    groupKind: 'process',
    weekdays: ['MO', 'WE', 'TH'],
    start: '18:00',
    end: '21:00',
    facilitatorId: clinic.people.therapist.id,
    roomId: clinic.roomA.id,
    activeFrom,
    ...extra,
  });
  expectStatus(res, 201, 'add block');
  return res.json<TrackDto>();
}

/** An accepted referral for a new adult patient, ready for admission. */
export async function acceptedReferral(
  intake: Session,
  patient: { givenName: string; familyName: string; dateOfBirth?: string } = {
    givenName: 'Morgan',
    familyName: 'Lee',
    dateOfBirth: '1990-05-01',
  },
) {
  const res = await intake.post('/api/v1/referrals', {
    patient,
    source: 'inpatient_unit',
    reason: 'Step-down after an inpatient stay for depression.',
    urgency: 'urgent',
    consentToContact: true,
  });
  expectStatus(res, 201, 'open referral');
  const referral = res.json<ReferralDetailDto>();
  for (const status of ['contacted', 'screening', 'assessed', 'accepted'])
    expectStatus(await intake.post(`/api/v1/referrals/${referral.id}/status`, { status }), 200, status);
  return referral;
}

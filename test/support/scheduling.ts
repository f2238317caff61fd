import type {
  AdmitBody,
  EpisodeDto,
  ProgramDto,
  SessionDto,
  TrackDto,
} from '../../src/contracts/scheduling.js';
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

/**
 * Admits a new adult patient into the clinic's Evening track with group sessions only (three
 * evenings, 9 h: exactly the adult rule). Each patient needs a distinct name.
 */
export async function admitMember(
  clinic: SchedulingClinic,
  patient: { givenName: string; familyName: string; dateOfBirth?: string },
  admittedOn: string,
  extra: Partial<AdmitBody> = {},
): Promise<EpisodeDto> {
  const referral = await acceptedReferral(clinic.director, { dateOfBirth: '1990-05-01', ...patient });
  const res = await clinic.director.post('/api/v1/admissions', {
    referralId: referral.id,
    programId: clinic.program.id,
    trackId: clinic.track.id,
    admittedOn,
    primaryTherapistId: clinic.people.therapist2.id,
    prescriberId: clinic.people.prescriber.id,
    ...extra,
  });
  expectStatus(res, 201, 'admit');
  return res.json<EpisodeDto>();
}

/**
 * The clinic most attendance and notes tests start from: the Evening block from `date`, and these
 * patients (distinct names) admitted to it that day.
 */
export async function eveningGroupClinic(
  t: TestApp,
  date: string,
  patients: readonly { givenName: string; familyName: string }[],
) {
  const clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, date);
  const members: EpisodeDto[] = [];
  for (const p of patients) members.push(await admitMember(clinic, p, date));
  return { clinic, members };
}

/** A patient with an accepted referral but no episode of care (e.g. for one-off appointments). */
export async function referredPatient(
  clinic: SchedulingClinic,
  patient: { givenName: string; familyName: string; dateOfBirth?: string },
) {
  const referral = await acceptedReferral(clinic.director, { dateOfBirth: '1985-03-03', ...patient });
  return referral.patient;
}

/** The calendar of one clinician, room, program, track or patient over clinic-local dates. */
export async function calendarOf(
  session: Session,
  scope: 'clinician' | 'room' | 'program' | 'track' | 'patient',
  id: string,
  from: string,
  to: string,
  includeCancelled = true,
): Promise<SessionDto[]> {
  const res = await session.get(
    `/api/v1/calendar?scope=${scope}&id=${id}&from=${from}&to=${to}&includeCancelled=${includeCancelled}`,
  );
  expectStatus(res, 200, 'calendar');
  return res.json<{ sessions: SessionDto[] }>().sessions;
}

/** The notices (cancellations, moves) left for a patient, oldest first. */
export function noticesOf(t: TestApp, patientId: string) {
  return t.deps.database.db
    .selectFrom('patient_notices')
    .select(['session_id', 'kind', 'message'])
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .orderBy('message')
    .execute();
}

import type { StaffRole } from '../../domain/identity/roles.js';
import type { Deps } from '../deps.js';
import { seedSchedule } from './schedule-seed.js';

/**
 * The demo clinic, in one place that grows as Trellis does: each later capability adds its own
 * demo records here (programs, patients, schedules...). Runs only on an empty database.
 */
export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DEMO_ORGANIZATION = 'Riverside Behavioral Health';

export const DEMO_USERS: { email: string; displayName: string; roles: StaffRole[] }[] = [
  { email: 'admin@riverside.example', displayName: 'Alex Morgan', roles: ['admin'] },
  { email: 'director@riverside.example', displayName: 'Dana Whitfield', roles: ['program_director'] },
  { email: 'therapist@riverside.example', displayName: 'Taylor Reed', roles: ['clinician'] },
  { email: 'therapist2@riverside.example', displayName: 'Morgan Diaz', roles: ['clinician'] },
  { email: 'resident@riverside.example', displayName: 'Jamie Park', roles: ['clinician'] },
  { email: 'therapist3@riverside.example', displayName: 'Chris Nguyen', roles: ['clinician'] },
  { email: 'therapist4@riverside.example', displayName: 'Robin Alvarez', roles: ['clinician'] },
  { email: 'prescriber@riverside.example', displayName: 'Dr. Priya Shah', roles: ['prescriber'] },
  { email: 'intake@riverside.example', displayName: 'Jordan Ellis', roles: ['intake'] },
  { email: 'billing@riverside.example', displayName: 'Casey Brooks', roles: ['biller'] },
  { email: 'frontdesk@riverside.example', displayName: 'Sam Rivera', roles: ['front_desk'] },
];

const DEMO_ROOMS = [
  { name: 'Group Room A', capacity: 14, telehealth: false },
  { name: 'Group Room B', capacity: 16, telehealth: false },
  { name: 'Family Room', capacity: 6, telehealth: false },
  { name: 'Office 1', capacity: 3, telehealth: false },
  { name: 'Office 2', capacity: 3, telehealth: false },
  { name: 'Office 3', capacity: 3, telehealth: false },
  { name: 'Telehealth', capacity: 15, telehealth: true },
];

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const row = await deps.database.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(deps: Deps): Promise<{ organizationId: string }> {
  const { organization, location } = await deps.organizations.provision({
    name: DEMO_ORGANIZATION,
    timeZone: 'America/New_York',
    location: { name: 'Riverside Main Clinic', address: '200 River Street, Riverside' },
  });
  const actors = new Map<string, DemoActor>();
  for (const user of DEMO_USERS) {
    const created = await deps.users.provision(organization.id, { ...user, password: DEMO_PASSWORD });
    actors.set(user.email, {
      organizationId: organization.id,
      userId: created.id,
      roles: user.roles,
      ip: null,
    });
  }
  for (const room of DEMO_ROOMS) await deps.organizations.provisionRoom(organization.id, location.id, room);
  await seedSchedule(
    deps,
    { organizationId: organization.id, locationId: location.id, timeZone: location.timeZone },
    actors,
  );
  await seedIntake(deps, actors.get('intake@riverside.example')!, actors.get('therapist@riverside.example')!);
  return { organizationId: organization.id };
}

interface DemoActor {
  organizationId: string;
  userId: string;
  roles: StaffRole[];
  ip: null;
}

const PATHS = {
  new: [],
  contacted: ['contacted'],
  screening: ['contacted', 'screening'],
  assessed: ['contacted', 'screening', 'assessed'],
  accepted: ['contacted', 'screening', 'assessed', 'accepted'],
} as const;

/** Referrals in every stage of the intake board, with screening history and one open safety alert. */
async function seedIntake(deps: Deps, intake: DemoActor, clinician: DemoActor) {
  for (const r of DEMO_REFERRALS) {
    const referral = await deps.intake.create(intake, {
      patient: r.patient,
      source: r.source,
      referrerName: r.referrer ?? null,
      reason: r.reason,
      urgency: r.urgency,
      consentToContact: true,
    });
    for (const status of PATHS[r.stage]) await deps.intake.changeStatus(intake, referral.id, { status });
    if (r.close) await deps.intake.changeStatus(intake, referral.id, r.close);
    for (const s of r.screenings ?? [])
      await deps.assessments.administer(clinician, referral.patient.id, {
        ...s,
        method: 'staff_entered',
        referralId: referral.id,
      });
  }
}

const DEMO_REFERRALS: {
  patient: { givenName: string; familyName: string; dateOfBirth: string; phone: string };
  source:
    'inpatient_unit' | 'outpatient_therapist' | 'primary_care' | 'self' | 'emergency_department' | 'family';
  referrer?: string;
  reason: string;
  urgency: 'routine' | 'urgent' | 'emergent';
  stage: keyof typeof PATHS;
  close?: { status: 'declined' | 'referred_elsewhere'; reason: string; destination: string };
  screenings?: { instrument: 'phq-9' | 'gad-7'; answers: number[] }[];
}[] = [
  {
    patient: { givenName: 'Maya', familyName: 'Chen', dateOfBirth: '1994-06-12', phone: '555-010-0101' },
    source: 'inpatient_unit',
    referrer: 'Dr. Ames, 4 West',
    reason: 'Step-down after a 9-day admission for major depression.',
    urgency: 'urgent',
    stage: 'new',
  },
  {
    patient: { givenName: 'Luis', familyName: 'Ortega', dateOfBirth: '1988-11-30', phone: '555-010-0102' },
    source: 'outpatient_therapist',
    referrer: 'K. Patel, LCSW',
    reason: 'Panic attacks most days; weekly therapy is not enough.',
    urgency: 'routine',
    stage: 'contacted',
  },
  {
    patient: { givenName: 'Grace', familyName: 'Okafor', dateOfBirth: '2001-02-17', phone: '555-010-0103' },
    source: 'self',
    reason: 'Asked for help with low mood and drinking.',
    urgency: 'routine',
    stage: 'screening',
    // Item 9 answered "several days": opens a safety alert for the on-call clinician.
    screenings: [{ instrument: 'phq-9', answers: [2, 2, 1, 2, 1, 1, 1, 0, 1] }],
  },
  {
    patient: { givenName: 'Ethan', familyName: 'Brooks', dateOfBirth: '1979-09-05', phone: '555-010-0104' },
    source: 'primary_care',
    referrer: 'Dr. Liu',
    reason: 'Severe anxiety; has stopped working.',
    urgency: 'urgent',
    stage: 'assessed',
    screenings: [
      { instrument: 'gad-7', answers: [3, 3, 3, 2, 3, 2, 3] },
      { instrument: 'phq-9', answers: [1, 2, 2, 2, 1, 1, 2, 0, 0] },
    ],
  },
  {
    patient: { givenName: 'Priya', familyName: 'Nair', dateOfBirth: '1990-01-22', phone: '555-010-0105' },
    source: 'emergency_department',
    referrer: 'County ED social work',
    reason: 'ED visit for a panic episode; discharged home with a referral.',
    urgency: 'urgent',
    stage: 'accepted',
    screenings: [{ instrument: 'gad-7', answers: [2, 3, 2, 2, 2, 1, 2] }],
  },
  {
    patient: { givenName: 'Tom', familyName: 'Walsh', dateOfBirth: '1985-04-03', phone: '555-010-0106' },
    source: 'family',
    reason: 'Spouse worried about daily drinking.',
    urgency: 'routine',
    stage: 'contacted',
    close: {
      status: 'declined',
      reason: 'Needs medically supervised withdrawal first',
      destination: 'Riverside Detox Unit',
    },
  },
  {
    patient: { givenName: 'Nora', familyName: 'Lindqvist', dateOfBirth: '1998-07-19', phone: '555-010-0107' },
    source: 'outpatient_therapist',
    referrer: 'B. Adams, PhD',
    reason: 'Lives two hours away; wants a program closer to home.',
    urgency: 'routine',
    stage: 'screening',
    close: {
      status: 'referred_elsewhere',
      reason: 'Too far to attend three days a week',
      destination: 'Northside Behavioral Health IOP',
    },
  },
];

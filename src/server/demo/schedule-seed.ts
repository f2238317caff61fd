import type { AppointmentPlan } from '../../contracts/scheduling.js';
import {
  DEFAULT_ADOLESCENT_IOP,
  DEFAULT_ADULT_IOP,
  weekOf,
  type IntensityRule,
} from '../../domain/hours/intensity.js';
import type { StaffRole } from '../../domain/identity/roles.js';
import type { Weekday } from '../../domain/schedule/recurrence.js';
import { addDays, clinicDateTime, clinicInstant } from '../../domain/time/clinic-day.js';
import { createDeps, type Deps } from '../deps.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';

/**
 * The demo clinic's programs, tracks, curriculum and about forty admitted patients. Admissions
 * are replayed day by day from four weeks ago through the real services (with a clock set to
 * each admission day), so past and future sessions, memberships and appointments are exactly
 * what the product itself would have produced.
 */

interface DemoActor {
  organizationId: string;
  userId: string;
  roles: StaffRole[];
  ip: null;
}

class ReplayClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(instant: Date) {
    this.current = instant;
  }
}

const TELEHEALTH = 'https://telehealth.riverside.example';

const ADULT_MODULES = [
  ['Understanding depression and anxiety', 'psychoeducation'],
  ['CBT: catching and checking thoughts (thought records)', 'skills'],
  ['DBT: emotion regulation', 'skills'],
  ['DBT: distress tolerance', 'skills'],
  ['DBT: interpersonal effectiveness', 'skills'],
  ['Mindfulness', 'skills'],
  ['Sleep, activity and mood', 'psychoeducation'],
  ['Coping skills and relapse prevention', 'skills'],
] as const;
const ADOLESCENT_MODULES = [
  ['Feelings and the body', 'psychoeducation'],
  ['DBT: distress tolerance for teens', 'skills'],
  ['DBT: emotion regulation for teens', 'skills'],
  ['Friendships, family and saying no', 'skills'],
  ['Mindfulness', 'skills'],
  ['School stress and coping skills', 'skills'],
] as const;
const RECOVERY_MODULES = [
  ['How addiction changes the brain', 'psychoeducation'],
  ['Triggers and high-risk situations', 'skills'],
  ['Cravings and urge surfing', 'skills'],
  ['Refusal skills', 'skills'],
  ['Coping skills without substances', 'skills'],
  ['Family, relationships and recovery', 'psychoeducation'],
  ['Relapse prevention plan', 'skills'],
] as const;

interface DemoTrack {
  name: string;
  modules: readonly (readonly [string, 'psychoeducation' | 'skills'])[];
  blocks: {
    title: string;
    groupKind: 'process' | 'skills' | 'psychoeducation' | 'relapse_prevention' | 'multi_family';
    weekdays: Weekday[];
    start: string;
    end: string;
    facilitator: string;
    coFacilitator?: string;
    room?: string;
    telehealthUrl?: string;
    usesCurriculum: boolean;
  }[];
  /** Patients admitted to this track; slots are tried in order until one is free. */
  patients: number;
  individual: { weekday: Weekday; start: string }[];
  medication?: { weekday: Weekday; start: string }[];
  family?: { weekday: Weekday; start: string }[];
  therapists: string[];
  appointmentPlace: { roomByTherapist?: Record<string, string>; telehealth?: boolean };
}

interface DemoProgram {
  name: string;
  minAge: number;
  maxAge: number | null;
  capacity: number;
  delivery: 'in_person' | 'telehealth' | 'hybrid';
  substanceUse: boolean;
  intensity: IntensityRule;
  tracks: DemoTrack[];
}

const TAYLOR = 'therapist@riverside.example';
const MORGAN = 'therapist2@riverside.example';
const JAMIE = 'resident@riverside.example';
const DANA = 'director@riverside.example';
const PRIYA = 'prescriber@riverside.example';
const CHRIS = 'therapist3@riverside.example';
const ROBIN = 'therapist4@riverside.example';

const OFFICES = { [CHRIS]: 'Office 1', [DANA]: 'Office 2', [MORGAN]: 'Family Room', [JAMIE]: 'Office 3' };

const PROGRAMS: DemoProgram[] = [
  {
    name: 'Adult Mental Health IOP',
    minAge: 18,
    maxAge: null,
    capacity: 40,
    delivery: 'hybrid',
    substanceUse: false,
    intensity: DEFAULT_ADULT_IOP,
    tracks: [
      {
        name: 'Day',
        modules: ADULT_MODULES,
        blocks: [
          {
            title: 'Day process and skills group',
            groupKind: 'skills',
            weekdays: ['MO', 'TU', 'TH'],
            start: '09:00',
            end: '12:00',
            facilitator: TAYLOR,
            room: 'Group Room A',
            usesCurriculum: true,
          },
        ],
        patients: 11,
        therapists: [CHRIS],
        individual: slots(['MO', 'TU', 'TH'], ['12:15', '13:10', '08:05', '14:05']),
        medication: slots(['MO', 'TU', 'TH'], ['12:05', '12:40', '13:15', '08:20']),
        appointmentPlace: { roomByTherapist: OFFICES },
      },
      {
        name: 'Evening',
        modules: ADULT_MODULES,
        blocks: [
          {
            title: 'Evening process and skills group',
            groupKind: 'process',
            weekdays: ['MO', 'WE', 'TH'],
            start: '18:00',
            end: '21:00',
            facilitator: ROBIN,
            coFacilitator: JAMIE,
            room: 'Group Room B',
            usesCurriculum: true,
          },
        ],
        patients: 10,
        therapists: [ROBIN],
        individual: slots(['MO', 'WE', 'TH'], ['17:05', '16:10', '15:15', '14:20']),
        medication: slots(['MO', 'WE', 'TH'], ['17:25', '16:50', '16:15', '15:40']),
        appointmentPlace: { telehealth: true },
      },
    ],
  },
  {
    name: 'Adolescent IOP',
    minAge: 13,
    maxAge: 17,
    capacity: 16,
    delivery: 'in_person',
    substanceUse: false,
    intensity: DEFAULT_ADOLESCENT_IOP,
    tracks: [
      {
        name: 'After school',
        modules: ADOLESCENT_MODULES,
        blocks: [
          {
            title: 'After-school skills group',
            groupKind: 'skills',
            weekdays: ['MO', 'TU', 'TH'],
            start: '15:30',
            end: '17:30',
            facilitator: MORGAN,
            room: 'Group Room A',
            usesCurriculum: true,
          },
          {
            title: 'Multi-family group',
            groupKind: 'multi_family',
            weekdays: ['TH'],
            start: '17:30',
            end: '19:00',
            facilitator: TAYLOR,
            room: 'Group Room A',
            usesCurriculum: false,
          },
        ],
        patients: 6,
        therapists: [MORGAN, JAMIE],
        individual: slots(['MO', 'TU'], ['14:30', '13:35']),
        family: slots(['TU', 'MO'], ['17:35', '18:30', '19:25']),
        appointmentPlace: { roomByTherapist: OFFICES },
      },
    ],
  },
  {
    name: 'Substance Use IOP',
    minAge: 18,
    maxAge: null,
    capacity: 24,
    delivery: 'in_person',
    substanceUse: true,
    intensity: DEFAULT_ADULT_IOP,
    tracks: [
      {
        name: 'Morning recovery',
        modules: RECOVERY_MODULES,
        blocks: [
          {
            title: 'Relapse prevention group',
            groupKind: 'relapse_prevention',
            weekdays: ['TU', 'WE', 'FR'],
            start: '09:00',
            end: '12:00',
            facilitator: DANA,
            room: 'Group Room B',
            usesCurriculum: true,
          },
        ],
        patients: 8,
        therapists: [DANA],
        individual: slots(['TU', 'WE', 'FR'], ['12:15', '13:10', '14:05']),
        medication: slots(['WE', 'FR', 'TU'], ['12:10', '12:45', '13:20', '08:20']),
        appointmentPlace: { roomByTherapist: OFFICES },
      },
    ],
  },
  {
    name: 'Dual-Diagnosis IOP',
    minAge: 18,
    maxAge: null,
    capacity: 12,
    delivery: 'telehealth',
    substanceUse: true,
    intensity: DEFAULT_ADULT_IOP,
    tracks: [
      {
        name: 'Telehealth midday',
        modules: RECOVERY_MODULES,
        blocks: [
          {
            title: 'Dual-diagnosis telehealth group',
            groupKind: 'process',
            weekdays: ['MO', 'WE', 'TH'],
            start: '12:30',
            end: '15:30',
            facilitator: TAYLOR,
            telehealthUrl: `${TELEHEALTH}/dual-diagnosis`,
            usesCurriculum: true,
          },
        ],
        patients: 5,
        therapists: [TAYLOR],
        individual: slots(['MO', 'WE', 'TH'], ['15:40', '16:35']),
        appointmentPlace: { telehealth: true },
      },
    ],
  },
];

/** The Monday of the first whole week of care (the admission week when admitted on a Monday). */
function firstWholeWeek(admittedOn: string) {
  const { monday } = weekOf(admittedOn);
  return monday === admittedOn ? monday : addDays(monday, 7);
}

function slots(days: Weekday[], times: string[]) {
  return times.flatMap((start) => days.map((weekday) => ({ weekday, start })));
}

const GIVEN = [
  'Aisha',
  'Ben',
  'Carmen',
  'Darius',
  'Elena',
  'Felix',
  'Gabriela',
  'Hassan',
  'Ingrid',
  'Jamal',
  'Keiko',
  'Liam',
  'Marisol',
  'Nikhil',
  'Olivia',
  'Pedro',
  'Quinn',
  'Rosa',
  'Samir',
  'Tessa',
];
const FAMILY = [
  'Abernathy',
  'Baptiste',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fitzgerald',
  'Gallagher',
  'Haddad',
  'Ibarra',
  'Jensen',
  'Kowalski',
  'Lindgren',
  'Mbeki',
  'Novak',
  "O'Brien",
  'Petrov',
  'Quintero',
  'Russo',
  'Sato',
  'Thibodeaux',
];

/** US federal holidays a clinic commonly closes on, for the years touched. */
function holidays(from: string, to: string): { date: string; reason: string }[] {
  const out: { date: string; reason: string }[] = [];
  const nth = (year: number, month: number, weekday: number, n: number) => {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const lastMonday = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month, 0));
    const day = last.getUTCDate() - ((last.getUTCDay() + 6) % 7);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    out.push(
      { date: `${year}-01-01`, reason: 'New Year’s Day' },
      { date: lastMonday(year, 5), reason: 'Memorial Day' },
      { date: `${year}-07-04`, reason: 'Independence Day' },
      { date: nth(year, 9, 1, 1), reason: 'Labor Day' },
      { date: nth(year, 11, 4, 4), reason: 'Thanksgiving' },
      { date: `${year}-12-25`, reason: 'Christmas Day' },
    );
  }
  return out.filter((h) => h.date >= from && h.date <= to).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Seeds programs and admitted patients; `actors` are the demo staff by email. */
export async function seedSchedule(
  deps: Deps,
  org: { organizationId: string; locationId: string; timeZone: string },
  actors: ReadonlyMap<string, DemoActor>,
): Promise<{ programs: number; admitted: number }> {
  const actor = (email: string) => actors.get(email)!;
  const director = { ...actor(DANA), userId: actor(DANA).userId };
  const today = clinicDateTime(deps.clock.now(), org.timeZone).date;
  const start = addDays(today, -28);
  const clock = new ReplayClock(clinicInstant(start, '07:00', org.timeZone));
  const replay = createDeps(deps.config, deps.database, clock);

  const rooms = new Map(
    (
      await deps.database.db
        .selectFrom('rooms')
        .select(['id', 'name'])
        .where('organization_id', '=', org.organizationId)
        .execute()
    ).map((r) => [r.name, r.id]),
  );

  // Credentials, supervision and working hours.
  const staffProfiles: [string, string, string | null, [Weekday[], string, string] | null][] = [
    [DANA, 'PsyD', null, null],
    [TAYLOR, 'LCSW', null, [['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', '21:30']],
    [MORGAN, 'LPC', null, [['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', '21:30']],
    [JAMIE, 'LMSW (pre-licensure)', TAYLOR, [['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', '21:30']],
    [PRIYA, 'MD, psychiatry', null, [['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', '18:00']],
    [CHRIS, 'LMFT', null, [['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', '19:00']],
    [ROBIN, 'LCSW', null, [['MO', 'TU', 'WE', 'TH', 'FR'], '10:00', '21:30']],
  ];
  for (const [email, credentials, supervisor, hours] of staffProfiles)
    await replay.programs.updateStaff(director, actor(email).userId, {
      credentials,
      supervisorId: supervisor ? actor(supervisor).userId : null,
      availability: hours ? hours[0].map((weekday) => ({ weekday, start: hours[1], end: hours[2] })) : [],
    });

  const tracks: { program: DemoProgram; track: DemoTrack; programId: string; trackId: string }[] = [];
  for (const program of PROGRAMS) {
    const created = await replay.programs.create(director, {
      locationId: org.locationId,
      name: program.name,
      levelOfCare: 'iop',
      minAge: program.minAge,
      maxAge: program.maxAge,
      capacity: program.capacity,
      delivery: program.delivery,
      substanceUse: program.substanceUse,
      intensity: program.intensity,
    });
    for (const track of program.tracks) {
      const t = await replay.programs.addTrack(director, created.id, track.name);
      for (const [title, kind] of track.modules)
        await replay.programs.addModule(director, t.id, { title, kind, description: null });
      for (const b of track.blocks)
        await replay.programs.addBlock(director, t.id, {
          title: b.title,
          groupKind: b.groupKind,
          weekdays: b.weekdays,
          start: b.start,
          end: b.end,
          facilitatorId: actor(b.facilitator).userId,
          coFacilitatorId: b.coFacilitator ? actor(b.coFacilitator).userId : null,
          roomId: b.room ? rooms.get(b.room)! : null,
          telehealthUrl: b.telehealthUrl ?? null,
          maxSize: 12,
          usesCurriculum: b.usesCurriculum,
          activeFrom: start,
        });
      tracks.push({ program, track, programId: created.id, trackId: t.id });
    }
  }
  const closed = holidays(start, addDays(today, 60));
  for (const h of closed) await replay.schedule.close(director, { locationId: org.locationId, ...h });
  const closedWeeks = new Map(closed.map((h) => [weekOf(h.date).monday, h.reason]));

  // Admissions, spread over the four weeks; everyone gets a weekly individual session.
  const intake = actor('intake@riverside.example');
  const queue = tracks.flatMap((t) => Array.from({ length: t.track.patients }, (_, i) => ({ ...t, i })));
  let admitted = 0;
  for (const [n, item] of queue.entries()) {
    const day = addDays(start, Math.floor((n * 26) / queue.length));
    clock.set(clinicInstant(day, '07:30', org.timeZone));
    const adolescent = item.program.maxAge !== null && item.program.maxAge < 18;
    const birthYear = Number(today.slice(0, 4)) - (adolescent ? 14 + (n % 3) : 22 + ((n * 7) % 40));
    const referral = await replay.intake.create(intake, {
      patient: {
        givenName: GIVEN[n % GIVEN.length]!,
        familyName: FAMILY[(n * 7) % FAMILY.length]!,
        dateOfBirth: `${birthYear}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 3) % 27)).padStart(2, '0')}`,
        phone: `555-020-${String(1000 + n)}`,
      },
      source: (['inpatient_unit', 'outpatient_therapist', 'primary_care', 'emergency_department'] as const)[
        n % 4
      ]!,
      reason: adolescent
        ? 'School refusal and self-harm urges; weekly therapy is not enough.'
        : item.program.substanceUse
          ? 'Daily alcohol use with depression; completed withdrawal management.'
          : 'Step-down after an inpatient stay for depression and anxiety.',
      urgency: n % 3 === 0 ? 'urgent' : 'routine',
      consentToContact: true,
    });
    for (const status of ['contacted', 'screening', 'assessed', 'accepted'] as const)
      await replay.intake.changeStatus(intake, referral.id, { status });
    const therapist = item.track.therapists[item.i % item.track.therapists.length]!;
    await admitWithFreeSlots(replay, director, {
      referralId: referral.id,
      programId: item.programId,
      trackId: item.trackId,
      admittedOn: day,
      therapist: actor(therapist).userId,
      prescriber: item.track.medication ? actor(PRIYA).userId : null,
      place: (who: string): Pick<AppointmentPlan, 'roomId' | 'telehealthUrl'> =>
        item.track.appointmentPlace.telehealth
          ? { roomId: null, telehealthUrl: `${TELEHEALTH}/room-${who.split('@')[0]}` }
          : { roomId: rooms.get(item.track.appointmentPlace.roomByTherapist![who]!)!, telehealthUrl: null },
      therapistEmail: therapist,
      track: item.track,
      rotate: item.i,
      holiday: closedWeeks.get(firstWholeWeek(day)),
    });
    admitted++;
  }

  clock.set(deps.clock.now());
  await replay.programs.extendHorizons();
  return { programs: PROGRAMS.length, admitted };
}

/** Admits with the first free individual (and medication, family) slots; a busy slot is tried again elsewhere. */
async function admitWithFreeSlots(
  replay: Deps,
  director: DemoActor,
  a: {
    referralId: string;
    programId: string;
    trackId: string;
    admittedOn: string;
    therapist: string;
    therapistEmail: string;
    prescriber: string | null;
    place: (who: string) => Pick<AppointmentPlan, 'roomId' | 'telehealthUrl'>;
    track: DemoTrack;
    rotate: number;
    holiday: string | undefined;
  },
) {
  const rotated = <T>(list: readonly T[]) => [
    ...list.slice(a.rotate % list.length),
    ...list.slice(0, a.rotate % list.length),
  ];
  const individuals = rotated(a.track.individual);
  for (const ind of individuals) {
    const otherDay = (list?: { weekday: Weekday; start: string }[]) =>
      list ? rotated(list.filter((s) => s.weekday !== ind.weekday)) : [null];
    for (const med of otherDay(a.track.medication))
      for (const fam of a.track.family ? rotated(a.track.family) : [null]) {
        try {
          await replay.episodes.admit(director, {
            referralId: a.referralId,
            programId: a.programId,
            trackId: a.trackId,
            admittedOn: a.admittedOn,
            primaryTherapistId: a.therapist,
            prescriberId: a.prescriber,
            diagnoses: [],
            weeks: 10,
            individual: { ...ind, durationMinutes: 50, everyWeeks: 1, ...a.place(a.therapistEmail) },
            medicationManagement: med
              ? {
                  ...med,
                  durationMinutes: 30,
                  everyWeeks: 2,
                  roomId: null,
                  telehealthUrl: `${TELEHEALTH}/dr-shah`,
                }
              : null,
            intensityOverrideReason: a.holiday ? `Clinic closed for ${a.holiday} that week.` : undefined,
            family: fam ? { ...fam, durationMinutes: 50, everyWeeks: 2, ...a.place(a.therapistEmail) } : null,
          });
          return;
        } catch (err) {
          if (!(err instanceof AppError) || !['schedule_conflict', 'intensity_shortfall'].includes(err.code))
            throw err;
        }
      }
  }
  throw new Error('demo: no free appointment slot for an admission');
}

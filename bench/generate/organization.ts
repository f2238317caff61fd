import {
  DEFAULT_ADOLESCENT_IOP,
  DEFAULT_ADULT_IOP,
  type IntensityRule,
} from '../../src/domain/hours/intensity.js';
import type { StaffRole } from '../../src/domain/identity/roles.js';
import type { Weekday } from '../../src/domain/schedule/recurrence.js';
import { addDays } from '../../src/domain/time/clinic-day.js';
import type { Db } from '../../src/server/platform/db/tx.js';
import { CURRICULA, FAMILY, LICENSED_CREDENTIALS, STAFF_GIVEN } from './names.js';
import type { Rng } from './prng.js';
import { measurementSchedule } from './scores.js';

/**
 * The organization's shape: locations, rooms, programs like the demo clinic's, their tracks (one
 * per twelve seats), three group blocks a day per track, and the staff to run them.
 */

export type TimeKind = 'day' | 'midday' | 'after_school' | 'evening';

/** Clinic-local start of a track's three groups; the blocks run 55, 60 and 60 minutes with 10-minute breaks. */
export const GROUP_START: Record<TimeKind, string> = {
  day: '09:00',
  midday: '12:15',
  after_school: '15:30',
  evening: '18:00',
};
const BLOCK_OFFSETS: readonly (readonly [number, number])[] = [
  [0, 55],
  [65, 125],
  [135, 195],
];
/** Weekly 50-minute individual sessions, outside the track's group hours. */
export const INDIVIDUAL_SLOTS: Record<TimeKind, readonly string[]> = {
  day: ['12:30', '13:25', '14:20', '15:15'],
  midday: ['08:15', '09:10', '10:05', '11:00'],
  after_school: ['18:55', '19:50', '13:30', '14:25'],
  evening: ['14:00', '14:55', '15:50', '16:45'],
};
export const INDIVIDUAL_MINUTES = 50;
export const SEATS_PER_TRACK = 12;

const TIME_LABEL: Record<TimeKind, string> = {
  day: 'Day',
  midday: 'Midday',
  after_school: 'After school',
  evening: 'Evening',
};

const PATTERNS: readonly (readonly [readonly Weekday[], number])[] = [
  [['MO', 'TU', 'TH'], 15],
  [['MO', 'WE', 'TH'], 15],
  [['TU', 'WE', 'FR'], 10],
  [['MO', 'WE', 'FR'], 10],
  [['MO', 'TU', 'WE', 'TH'], 15],
  [['TU', 'WE', 'TH', 'FR'], 15],
  [['MO', 'TU', 'WE', 'TH', 'FR'], 20],
];

type GroupKind = 'process' | 'skills' | 'psychoeducation' | 'relapse_prevention' | 'multi_family';

export interface ProgramSpec {
  name: string;
  minAge: number;
  maxAge: number | null;
  delivery: 'in_person' | 'telehealth' | 'hybrid';
  substanceUse: boolean;
  intensity: IntensityRule;
  population: 'adult' | 'teen';
  share: number;
  times: readonly TimeKind[];
  curriculum: keyof typeof CURRICULA;
  blocks: readonly (readonly [string, GroupKind])[];
  location: 0 | 1;
  reason: string;
}

export const PROGRAMS: readonly ProgramSpec[] = [
  {
    name: 'Adult Mental Health IOP',
    minAge: 18,
    maxAge: null,
    delivery: 'hybrid',
    substanceUse: false,
    intensity: DEFAULT_ADULT_IOP,
    population: 'adult',
    share: 0.4,
    times: ['day', 'evening'],
    curriculum: 'adult',
    blocks: [
      ['Process group', 'process'],
      ['Skills group', 'skills'],
      ['Psychoeducation group', 'psychoeducation'],
    ],
    location: 0,
    reason: 'Step-down after an inpatient stay for depression and anxiety.',
  },
  {
    name: 'Adolescent IOP',
    minAge: 13,
    maxAge: 17,
    delivery: 'in_person',
    substanceUse: false,
    intensity: DEFAULT_ADOLESCENT_IOP,
    population: 'teen',
    share: 0.2,
    times: ['after_school'],
    curriculum: 'adolescent',
    blocks: [
      ['Check-in and process group', 'process'],
      ['Teen skills group', 'skills'],
      ['Family and school group', 'psychoeducation'],
    ],
    location: 1,
    reason: 'School refusal and self-harm urges; weekly therapy is not enough.',
  },
  {
    name: 'Substance Use IOP',
    minAge: 18,
    maxAge: null,
    delivery: 'in_person',
    substanceUse: true,
    intensity: DEFAULT_ADULT_IOP,
    population: 'adult',
    share: 0.25,
    times: ['day', 'evening'],
    curriculum: 'recovery',
    blocks: [
      ['Recovery process group', 'process'],
      ['Recovery skills group', 'skills'],
      ['Relapse prevention group', 'relapse_prevention'],
    ],
    location: 0,
    reason: 'Daily alcohol use with depression; completed withdrawal management.',
  },
  {
    name: 'Dual-Diagnosis IOP',
    minAge: 18,
    maxAge: null,
    delivery: 'telehealth',
    substanceUse: true,
    intensity: DEFAULT_ADULT_IOP,
    population: 'adult',
    share: 0.15,
    times: ['midday'],
    curriculum: 'recovery',
    blocks: [
      ['Dual-diagnosis process group', 'process'],
      ['Dual-diagnosis skills group', 'skills'],
      ['Dual-diagnosis relapse prevention', 'relapse_prevention'],
    ],
    location: 0,
    reason: 'Opioid use disorder with PTSD; stable on buprenorphine.',
  },
];

export interface StaffPlan {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  credentials: string | null;
  supervisorId: string | null;
  /** Index into `plan.locations`, for the office. */
  location: number;
  officeId: string | null;
  slug: string;
}

export interface BlockPlan {
  id: string;
  title: string;
  groupKind: GroupKind;
  start: string;
  end: string;
  usesCurriculum: boolean;
  facilitatorId: string;
  coFacilitatorId: string | null;
}

export interface TrackPlan {
  index: number;
  id: string;
  programIndex: number;
  name: string;
  time: TimeKind;
  weekdays: Weekday[];
  roomId: string | null;
  telehealthUrl: string | null;
  blocks: BlockPlan[];
  modules: { id: string; title: string; kind: 'psychoeducation' | 'skills' }[];
  /** Primary therapists: the lead, and a supervised associate on some tracks (odd seats). */
  therapistIds: string[];
}

export interface OrgPlan {
  organizationId: string;
  name: string;
  domain: string;
  timeZone: string;
  locations: { id: string; name: string; address: string }[];
  rooms: { id: string; location: number; name: string; capacity: number }[];
  programs: { id: string; spec: ProgramSpec; location: number; capacity: number }[];
  tracks: TrackPlan[];
  staff: StaffPlan[];
  prescriberIds: string[];
  directorId: string;
  closures: { id: string; location: number; date: string; reason: string }[];
}

/** Tracks per program by largest remainder of their shares; at least one adult day track (the first). */
function tracksPerProgram(total: number): number[] {
  const raw = PROGRAMS.map((p) => p.share * total);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < total; k++) counts[order[k % order.length]![1]]!++;
  if (counts[0] === 0) {
    const donor = counts.findIndex((c) => c > 0);
    counts[donor]!--;
    counts[0] = 1;
  }
  return counts;
}

const WEEKDAY_OF_ISO = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const weekdayOf = (date: string): Weekday =>
  WEEKDAY_OF_ISO[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

const hhmm = (start: string, plus: number) => {
  const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + plus;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** US federal holidays a clinic commonly closes on, in [from, to]. */
export function holidays(from: string, to: string): { date: string; reason: string }[] {
  const out: { date: string; reason: string }[] = [];
  const iso = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const nth = (y: number, m: number, weekday: number, n: number) => {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  };
  const lastMonday = (y: number, m: number) => {
    const last = new Date(Date.UTC(y, m, 0));
    return iso(y, m, last.getUTCDate() - ((last.getUTCDay() + 6) % 7));
  };
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    out.push(
      { date: iso(y, 1, 1), reason: 'New Year’s Day' },
      { date: lastMonday(y, 5), reason: 'Memorial Day' },
      { date: iso(y, 7, 4), reason: 'Independence Day' },
      { date: nth(y, 9, 1, 1), reason: 'Labor Day' },
      { date: nth(y, 11, 4, 4), reason: 'Thanksgiving' },
      { date: iso(y, 12, 25), reason: 'Christmas Day' },
    );
  return out.filter((h) => h.date >= from && h.date <= to).sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'generated'
  );
}

/**
 * Plans the organization: `trackCount` tracks of twelve seats; a lead clinician per track (who
 * facilitates its groups and is primary therapist), a supervised associate on every fourth
 * track, prescribers (one per ~100 seats), a program director, intake and front desk.
 * The first track is an adult day track that meets on `endDate`'s weekday, so roll call is due today.
 */
export function planOrganization(
  rng: Rng,
  opts: { organizationId: string; name: string; trackCount: number; start: string; endDate: string },
): OrgPlan {
  const timeZone = 'America/New_York';
  const domain = `${slugOf(opts.name)}.example`;
  const locations = [
    { id: rng.uuid(), name: 'Main Street Clinic', address: '100 Main Street, Springfield' },
    { id: rng.uuid(), name: 'Riverside Annex', address: '12 River Road, Springfield' },
  ];
  const programs = PROGRAMS.map((spec) => ({ id: rng.uuid(), spec, location: spec.location, capacity: 0 }));
  const rooms: OrgPlan['rooms'] = [];
  const roomByName = new Map<string, string>();
  const room = (location: number, name: string, capacity: number) => {
    const key = `${location}|${name}`;
    let id = roomByName.get(key);
    if (!id) {
      id = rng.uuid();
      roomByName.set(key, id);
      rooms.push({ id, location, name, capacity });
    }
    return id;
  };

  const staff: StaffPlan[] = [];
  const person = (
    slug: string,
    roles: StaffRole[],
    credentials: string | null,
    location = 0,
    supervisorId: string | null = null,
  ) => {
    const n = staff.length;
    const s: StaffPlan = {
      id: rng.uuid(),
      email: `${slug}@${domain}`,
      displayName: `${STAFF_GIVEN[n % STAFF_GIVEN.length]} ${FAMILY[(n * 7 + 3) % FAMILY.length]}`,
      roles,
      credentials,
      supervisorId,
      location,
      officeId: null,
      slug,
    };
    staff.push(s);
    return s;
  };
  person('admin', ['admin'], null);
  const director = person('director', ['program_director'], 'PsyD');
  for (let i = 1; i <= 2; i++) person(`intake${i}`, ['intake'], null, i - 1);
  for (let i = 1; i <= 2; i++) person(`frontdesk${i}`, ['front_desk'], null, i - 1);
  const prescribers = Array.from(
    { length: Math.max(1, Math.ceil((opts.trackCount * SEATS_PER_TRACK) / 100)) },
    (_, i) => person(`prescriber${i + 1}`, ['prescriber'], i % 3 === 2 ? 'PMHNP-BC' : 'MD, psychiatry'),
  );

  const perProgram = tracksPerProgram(opts.trackCount);
  const tracks: TrackPlan[] = [];
  const roomCounter = new Map<string, number>();
  let clinicians = 0;
  for (const [pi, count] of perProgram.entries()) {
    const program = programs[pi]!;
    const spec = program.spec;
    program.capacity = Math.max(1, count) * SEATS_PER_TRACK;
    for (let k = 0; k < count; k++) {
      const index = tracks.length;
      const time = spec.times[k % spec.times.length]!;
      let weekdays = [...rng.weighted(PATTERNS)];
      if (index === 0) {
        const today = weekdayOf(opts.endDate);
        if (!weekdays.includes(today))
          weekdays = WEEKDAY_OF_ISO.filter((d) => d === today || weekdays.includes(d));
      }
      const lead = person(
        `clinician${++clinicians}`,
        ['clinician'],
        rng.pick(LICENSED_CREDENTIALS),
        program.location,
      );
      const associate =
        index % 4 === 3
          ? person(
              `clinician${++clinicians}`,
              ['clinician'],
              'LMSW (pre-licensure)',
              program.location,
              lead.id,
            )
          : null;
      for (const s of [lead, associate])
        if (s) s.officeId = room(program.location, `Office ${s.slug.replace('clinician', '')}`, 3);
      let roomId: string | null = null;
      let telehealthUrl: string | null = null;
      if (spec.delivery === 'telehealth')
        telehealthUrl = `https://telehealth.${domain}/${slugOf(spec.name)}-${k + 1}`;
      else {
        const pool = `${program.location}|${time === 'after_school' ? 'teen' : 'group'}`;
        const n = (roomCounter.get(`${pool}|${time}`) ?? 0) + 1;
        roomCounter.set(`${pool}|${time}`, n);
        roomId = room(program.location, `${time === 'after_school' ? 'Teen Room' : 'Group Room'} ${n}`, 14);
      }
      const start = GROUP_START[time];
      const blocks: BlockPlan[] = spec.blocks.map(([title, groupKind], b) => ({
        id: rng.uuid(),
        title,
        groupKind,
        start: hhmm(start, BLOCK_OFFSETS[b]![0]),
        end: hhmm(start, BLOCK_OFFSETS[b]![1]),
        usesCurriculum: b === 1,
        facilitatorId: lead.id,
        coFacilitatorId: associate && b !== 1 ? associate.id : null,
      }));
      tracks.push({
        index,
        id: rng.uuid(),
        programIndex: pi,
        name: `${TIME_LABEL[time]} ${String.fromCharCode(65 + Math.floor(k / spec.times.length))}`,
        time,
        weekdays,
        roomId,
        telehealthUrl,
        blocks,
        modules: CURRICULA[spec.curriculum].map(([title, kind]) => ({ id: rng.uuid(), title, kind })),
        therapistIds: associate ? [lead.id, associate.id] : [lead.id],
      });
    }
  }
  const closures = [0, 1].flatMap((location) =>
    holidays(opts.start, addDays(opts.endDate, 70))
      .filter((h) => h.date !== opts.endDate)
      .map((h) => ({ id: rng.uuid(), location, ...h })),
  );
  return {
    organizationId: opts.organizationId,
    name: opts.name,
    domain,
    timeZone,
    locations,
    rooms,
    programs,
    tracks,
    staff,
    prescriberIds: prescribers.map((p) => p.id),
    directorId: director.id,
    closures,
  };
}

/** Writes the organization, its places, programs, tracks, blocks, curriculum, staff and closures. */
export async function writeOrganization(db: Db, plan: OrgPlan, passwordHash: string, start: string) {
  const org = plan.organizationId;
  await db
    .insertInto('organizations')
    .values({
      id: org,
      name: plan.name,
      time_zone: plan.timeZone,
      settings: JSON.stringify({ mfaRequiredForStaff: false }),
    })
    .execute();
  await db
    .insertInto('locations')
    .values(
      plan.locations.map((l) => ({
        organization_id: org,
        id: l.id,
        name: l.name,
        time_zone: plan.timeZone,
        address: l.address,
      })),
    )
    .execute();
  await db
    .insertInto('rooms')
    .values(
      plan.rooms.map((r) => ({
        organization_id: org,
        id: r.id,
        location_id: plan.locations[r.location]!.id,
        name: r.name,
        capacity: r.capacity,
      })),
    )
    .execute();
  // Supervisors first (the foreign key), then everyone else.
  const ordered = [...plan.staff.filter((s) => !s.supervisorId), ...plan.staff.filter((s) => s.supervisorId)];
  for (let i = 0; i < ordered.length; i += 500)
    await db
      .insertInto('users')
      .values(
        ordered.slice(i, i + 500).map((s) => ({
          organization_id: org,
          id: s.id,
          email: s.email,
          display_name: s.displayName,
          password_hash: passwordHash,
          roles: s.roles,
          credentials: s.credentials,
          supervisor_id: s.supervisorId,
        })),
      )
      .execute();
  const working: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
  const extraDays = new Map<string, Set<Weekday>>();
  for (const t of plan.tracks)
    for (const id of t.therapistIds) extraDays.set(id, new Set([...working, ...t.weekdays]));
  const availability = plan.staff
    .filter((s) => s.roles.includes('clinician') || s.roles.includes('prescriber'))
    .flatMap((s) =>
      [...(extraDays.get(s.id) ?? working)].map((weekday) => ({
        organization_id: org,
        user_id: s.id,
        weekday,
        start_time: '08:00',
        end_time: '22:00',
      })),
    );
  for (let i = 0; i < availability.length; i += 1000)
    await db
      .insertInto('staff_availability')
      .values(availability.slice(i, i + 1000))
      .execute();
  await db
    .insertInto('programs')
    .values(
      plan.programs.map((p, pi) => ({
        organization_id: org,
        id: p.id,
        location_id: plan.locations[p.location]!.id,
        name: p.spec.name,
        level_of_care: 'iop',
        min_age: p.spec.minAge,
        max_age: p.spec.maxAge,
        capacity: p.capacity,
        delivery: p.spec.delivery,
        substance_use: p.spec.substanceUse,
        intensity: JSON.stringify(p.spec.intensity),
        measurement_schedule: JSON.stringify(
          measurementSchedule(
            p.spec.substanceUse,
            plan.tracks.filter((t) => t.programIndex === pi),
          ),
        ),
      })),
    )
    .execute();
  for (const t of plan.tracks) {
    await db
      .insertInto('tracks')
      .values({ organization_id: org, id: t.id, program_id: plan.programs[t.programIndex]!.id, name: t.name })
      .execute();
    await db
      .insertInto('curriculum_modules')
      .values(
        t.modules.map((m, position) => ({
          organization_id: org,
          id: m.id,
          track_id: t.id,
          position,
          title: m.title,
          kind: m.kind,
          description: null,
        })),
      )
      .execute();
    await db
      .insertInto('group_blocks')
      .values(
        t.blocks.map((b) => ({
          organization_id: org,
          id: b.id,
          track_id: t.id,
          title: b.title,
          group_kind: b.groupKind,
          weekdays: t.weekdays,
          start_time: b.start,
          end_time: b.end,
          facilitator_id: b.facilitatorId,
          co_facilitator_id: b.coFacilitatorId,
          room_id: t.roomId,
          telehealth_url: t.telehealthUrl,
          max_size: SEATS_PER_TRACK,
          uses_curriculum: b.usesCurriculum,
          active_from: start,
        })),
      )
      .execute();
  }
  if (plan.closures.length > 0)
    await db
      .insertInto('closures')
      .values(
        plan.closures.map((c) => ({
          organization_id: org,
          id: c.id,
          location_id: plan.locations[c.location]!.id,
          date: c.date,
          reason: c.reason,
          created_by: plan.directorId,
        })),
      )
      .execute();
}

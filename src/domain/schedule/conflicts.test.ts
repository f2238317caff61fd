import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findConflicts, formatRange, overlaps } from './conflicts.js';
import type { BookingCandidate, Conflict, ExistingBooking, StaffProfile } from './conflicts.js';

const NY = 'America/New_York';

/** The instant of a New York wall-clock time, e.g. at('2026-11-30T18:00'). */
const at = (local: string): Date =>
  new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(NY).epochMilliseconds);

const profile = (p: Partial<StaffProfile> & Pick<StaffProfile, 'userId' | 'name'>): StaffProfile => ({
  roles: ['clinician'],
  supervised: false,
  availability: [],
  ...p,
});

const LEE = profile({ userId: 'u-lee', name: 'Jordan Lee' });
const SAM = profile({ userId: 'u-sam', name: 'Sam Ortiz', supervised: true });
const RAO = profile({ userId: 'u-rao', name: 'Dr. Priya Rao', roles: ['prescriber'] });
const DANA = profile({ userId: 'u-dana', name: 'Dana Kim', roles: ['program_director', 'admin'] });
const IDA = profile({ userId: 'u-ida', name: 'Ida Moss', roles: ['intake'] });
const FRAN = profile({ userId: 'u-fran', name: 'Fran Hill', roles: ['front_desk'] });
const BILL = profile({ userId: 'u-bill', name: 'Bill Cho', roles: ['biller', 'admin'] });

const staffMap = (...profiles: StaffProfile[]): ReadonlyMap<string, StaffProfile> =>
  new Map([LEE, SAM, RAO, DANA, IDA, FRAN, BILL, ...profiles].map((p) => [p.userId, p]));
const STAFF = staffMap();

/** Evening IOP group, Mon 30 Nov 2026 18:00–21:00 New York (23:00Z–02:00Z), Room 2. */
const group = (over: Partial<BookingCandidate> = {}): BookingCandidate => ({
  kind: 'group',
  startsAt: at('2026-11-30T18:00'),
  endsAt: at('2026-11-30T21:00'),
  timeZone: NY,
  roomId: 'room-2',
  roomName: 'Room 2',
  roomCapacity: 14,
  maxSize: 12,
  staff: [{ userId: 'u-lee', role: 'lead' }],
  patientIds: ['pt-001', 'pt-002', 'pt-003'],
  ...over,
});

/** A one-to-one appointment, Mon 30 Nov 2026 14:00–15:00 New York, Office 4. */
const appointment = (over: Partial<BookingCandidate> = {}): BookingCandidate => ({
  kind: 'individual',
  startsAt: at('2026-11-30T14:00'),
  endsAt: at('2026-11-30T15:00'),
  timeZone: NY,
  roomId: 'office-4',
  roomName: 'Office 4',
  roomCapacity: 3,
  maxSize: null,
  staff: [{ userId: 'u-lee', role: 'lead' }],
  patientIds: ['pt-001'],
  ...over,
});

const booking = (over: Partial<ExistingBooking> & Pick<ExistingBooking, 'id'>): ExistingBooking => ({
  kind: 'group',
  title: 'Relapse Prevention',
  startsAt: at('2026-11-30T18:00'),
  endsAt: at('2026-11-30T21:00'),
  roomId: null,
  staffIds: [],
  patientIds: [],
  ...over,
});

const codes = (cs: Conflict[]) => cs.map((c) => c.code);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('overlaps (half-open intervals)', () => {
  const a = { startsAt: at('2026-11-30T18:00'), endsAt: at('2026-11-30T21:00') };

  it('back-to-back sessions do not overlap, in either order', () => {
    const after = { startsAt: at('2026-11-30T21:00'), endsAt: at('2026-11-30T22:00') };
    const before = { startsAt: at('2026-11-30T15:00'), endsAt: at('2026-11-30T18:00') };
    expect(overlaps(a, after)).toBe(false);
    expect(overlaps(after, a)).toBe(false);
    expect(overlaps(a, before)).toBe(false);
    expect(overlaps(before, a)).toBe(false);
  });

  it('a one-millisecond overlap counts', () => {
    const b = { startsAt: new Date(a.endsAt.getTime() - 1), endsAt: at('2026-11-30T22:00') };
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
  });

  it('partial, contained, containing and identical intervals overlap', () => {
    const partial = { startsAt: at('2026-11-30T20:00'), endsAt: at('2026-11-30T22:00') };
    const inside = { startsAt: at('2026-11-30T19:00'), endsAt: at('2026-11-30T20:00') };
    const around = { startsAt: at('2026-11-30T17:00'), endsAt: at('2026-11-30T22:00') };
    for (const b of [partial, inside, around, { ...a }]) {
      expect(overlaps(a, b)).toBe(true);
      expect(overlaps(b, a)).toBe(true);
    }
  });

  it('sessions on different days do not overlap', () => {
    const tuesday = { startsAt: at('2026-12-01T18:00'), endsAt: at('2026-12-01T21:00') };
    expect(overlaps(a, tuesday)).toBe(false);
  });
});

describe('formatRange', () => {
  it('writes clinic-local day, date and times', () => {
    expect(formatRange(at('2026-11-30T18:00'), at('2026-11-30T21:00'), NY)).toBe('Mon 30 Nov 18:00–21:00');
  });

  it('names both days when a session crosses midnight', () => {
    expect(formatRange(at('2026-11-30T23:00'), at('2026-12-01T01:00'), NY)).toBe(
      'Mon 30 Nov 23:00–Tue 1 Dec 01:00',
    );
  });

  it('uses local time across DST: the same 18:00 group before and after spring forward', () => {
    expect(formatRange(at('2026-03-05T18:00'), at('2026-03-05T21:00'), NY)).toBe('Thu 5 Mar 18:00–21:00');
    expect(formatRange(at('2026-03-09T18:00'), at('2026-03-09T21:00'), NY)).toBe('Mon 9 Mar 18:00–21:00');
  });
});

describe('findConflicts: input validation', () => {
  it('throws when the session ends before or when it starts', () => {
    expect(() => findConflicts(group({ endsAt: at('2026-11-30T17:00') }), [], STAFF)).toThrow(
      /must be after/,
    );
    expect(() => findConflicts(group({ endsAt: at('2026-11-30T18:00') }), [], STAFF)).toThrow(
      /must be after/,
    );
  });

  it('throws on invalid instants, time zone, capacity or size', () => {
    expect(() => findConflicts(group({ startsAt: new Date(NaN) }), [], STAFF)).toThrow(/Invalid startsAt/);
    expect(() => findConflicts(group({ timeZone: 'Mars/Olympus' }), [], STAFF)).toThrow(/Invalid time zone/);
    expect(() => findConflicts(group({ roomCapacity: -1 }), [], STAFF)).toThrow(/roomCapacity/);
    expect(() => findConflicts(group({ maxSize: 2.5 }), [], STAFF)).toThrow(/maxSize/);
  });

  it('throws on a malformed availability window of an assigned staff member', () => {
    const odd = profile({
      userId: 'u-lee',
      name: 'Jordan Lee',
      availability: [{ weekday: 'MO', start: '6pm', end: '21:00' }],
    });
    expect(() => findConflicts(group(), [], staffMap(odd))).toThrow(/Invalid availability start.*"6pm"/);
    const backwards = profile({
      userId: 'u-lee',
      name: 'Jordan Lee',
      availability: [{ weekday: 'MO', start: '21:00', end: '18:00' }],
    });
    expect(() => findConflicts(group(), [], staffMap(backwards))).toThrow(/ends \(18:00\) before it starts/);
  });
});

describe('findConflicts: a clean booking', () => {
  it('returns no conflicts for a properly staffed group in a free room', () => {
    const existing = [
      booking({ id: 's-other-room', roomId: 'room-5', staffIds: ['u-dana'], patientIds: ['pt-900'] }),
    ];
    expect(findConflicts(group(), existing, STAFF)).toEqual([]);
  });

  it('ignores the session being moved (same id)', () => {
    const self = booking({
      id: 's-1',
      roomId: 'room-2',
      staffIds: ['u-lee'],
      patientIds: ['pt-001', 'pt-002', 'pt-003'],
    });
    expect(findConflicts(group({ id: 's-1' }), [self], STAFF)).toEqual([]);
    // Without the id it is a different session and clashes on every axis.
    expect(codes(findConflicts(group(), [self], STAFF))).toEqual([
      'clinician_double_booked',
      'room_double_booked',
      'patient_double_booked',
      'patient_double_booked',
      'patient_double_booked',
    ]);
  });

  it('back-to-back groups in the same room with the same clinician and members are fine', () => {
    const earlier = booking({
      id: 's-early',
      title: 'Morning Skills',
      startsAt: at('2026-11-30T15:00'),
      endsAt: at('2026-11-30T18:00'),
      roomId: 'room-2',
      staffIds: ['u-lee'],
      patientIds: ['pt-001'],
    });
    const later = {
      ...earlier,
      id: 's-late',
      startsAt: at('2026-11-30T21:00'),
      endsAt: at('2026-11-30T23:00'),
    };
    expect(findConflicts(group(), [earlier, later], STAFF)).toEqual([]);
  });
});

describe('findConflicts: clinician_double_booked', () => {
  it('reports the clashing session with the clinician, title and local time', () => {
    const existing = [booking({ id: 's-9', title: 'DBT Skills', staffIds: ['u-lee'] })];
    expect(findConflicts(group(), existing, STAFF)).toEqual([
      {
        code: 'clinician_double_booked',
        message: 'Jordan Lee is already booked for the group "DBT Skills" (Mon 30 Nov 18:00–21:00).',
        userId: 'u-lee',
        sessionId: 's-9',
      },
    ]);
  });

  it('reports one conflict per clash: each staff member × each overlapping session, in time order', () => {
    const existing = [
      booking({
        id: 's-b',
        startsAt: at('2026-11-30T20:00'),
        endsAt: at('2026-11-30T22:00'),
        staffIds: ['u-lee'],
      }),
      booking({
        id: 's-a',
        kind: 'individual',
        startsAt: at('2026-11-30T17:30'),
        endsAt: at('2026-11-30T18:30'),
        staffIds: ['u-lee', 'u-sam'],
      }),
    ];
    const cs = findConflicts(
      group({
        staff: [
          { userId: 'u-lee', role: 'lead' },
          { userId: 'u-sam', role: 'co' },
        ],
      }),
      existing,
      STAFF,
    );
    expect(cs.map((c) => [c.code, c.userId, c.sessionId])).toEqual([
      ['clinician_double_booked', 'u-lee', 's-a'],
      ['clinician_double_booked', 'u-sam', 's-a'],
      ['clinician_double_booked', 'u-lee', 's-b'],
    ]);
  });

  it('describes an existing appointment by kind and time, never by its title (titles may name the patient)', () => {
    const existing = [
      booking({
        id: 's-ind',
        kind: 'individual',
        title: 'Individual – Maria Gonzalez',
        startsAt: at('2026-11-30T17:00'),
        endsAt: at('2026-11-30T18:30'),
        staffIds: ['u-lee'],
      }),
    ];
    const [c] = findConflicts(group(), existing, STAFF);
    expect(c?.message).toBe(
      'Jordan Lee is already booked for an individual session (Mon 30 Nov 17:00–18:30).',
    );
    expect(c?.message).not.toMatch(/Maria|Gonzalez/);
  });

  it('a staff member listed twice is checked once', () => {
    const existing = [booking({ id: 's-9', staffIds: ['u-lee'] })];
    const cs = findConflicts(
      group({
        staff: [
          { userId: 'u-lee', role: 'lead' },
          { userId: 'u-lee', role: 'co' },
        ],
      }),
      existing,
      STAFF,
    );
    expect(codes(cs)).toEqual(['clinician_double_booked']);
  });

  it('uses clinic-local time in messages across the fall-back change (Mon 2 Nov 2026 is EST)', () => {
    const cand = group({ startsAt: at('2026-11-02T18:00'), endsAt: at('2026-11-02T21:00') });
    const existing = [
      booking({
        id: 's-x',
        startsAt: at('2026-11-02T18:00'),
        endsAt: at('2026-11-02T21:00'),
        staffIds: ['u-lee'],
      }),
    ];
    expect(cand.startsAt.toISOString()).toBe('2026-11-02T23:00:00.000Z');
    expect(findConflicts(cand, existing, STAFF)[0]?.message).toContain('Mon 2 Nov 18:00–21:00');
  });
});

describe('findConflicts: rooms', () => {
  it('room_double_booked when the same room is in use at an overlapping time', () => {
    const existing = [booking({ id: 's-r', title: 'Family Night', roomId: 'room-2' })];
    expect(findConflicts(group(), existing, STAFF)).toEqual([
      {
        code: 'room_double_booked',
        message: 'Room 2 is already in use for the group "Family Night" (Mon 30 Nov 18:00–21:00).',
        sessionId: 's-r',
      },
    ]);
  });

  it('a different room, or no room (telehealth), never clashes on the room', () => {
    const existing = [booking({ id: 's-r', roomId: 'room-3' }), booking({ id: 's-tele', roomId: null })];
    expect(findConflicts(group(), existing, STAFF)).toEqual([]);
    expect(findConflicts(group({ roomId: null, roomCapacity: null }), existing, STAFF)).toEqual([]);
  });

  it('falls back to "This room" when the room has no name', () => {
    const existing = [booking({ id: 's-r', roomId: 'room-2' })];
    expect(findConflicts(group({ roomName: null }), existing, STAFF)[0]?.message).toMatch(
      /^This room is already/,
    );
  });

  it('room_over_capacity counts members plus staff: exactly full is fine, one more is not', () => {
    const staff = [
      { userId: 'u-lee', role: 'lead' as const },
      { userId: 'u-sam', role: 'co' as const },
    ];
    const full = group({ roomCapacity: 14, maxSize: null, staff, patientIds: ids('pt', 12) });
    expect(findConflicts(full, [], STAFF)).toEqual([]);
    const over = group({ roomCapacity: 14, maxSize: null, staff, patientIds: ids('pt', 13) });
    expect(findConflicts(over, [], STAFF)).toEqual([
      {
        code: 'room_over_capacity',
        message: 'Room 2 holds 14 people; this group session would have 15 (13 members and 2 staff).',
      },
    ]);
  });

  it('room_over_capacity for an appointment in a small office (family session)', () => {
    const cs = findConflicts(
      appointment({ kind: 'family', roomCapacity: 3, patientIds: ['pt-001', 'pt-002', 'pt-003'] }),
      [],
      STAFF,
    );
    expect(cs).toEqual([
      {
        code: 'room_over_capacity',
        message: 'Office 4 holds 3 people; this family session would have 4 (3 patients and 1 staff).',
      },
    ]);
  });

  it('no capacity check when capacity is unknown', () => {
    expect(
      findConflicts(group({ roomCapacity: null, maxSize: null, patientIds: ids('pt', 40) }), [], STAFF),
    ).toEqual([]);
  });
});

describe('findConflicts: group_full', () => {
  it('a group at its maximum size is fine; one more member is full', () => {
    expect(findConflicts(group({ roomCapacity: null, patientIds: ids('pt', 12) }), [], STAFF)).toEqual([]);
    expect(findConflicts(group({ roomCapacity: null, patientIds: ids('pt', 13) }), [], STAFF)).toEqual([
      { code: 'group_full', message: 'The group is full: 13 members booked for 12 places (1 over).' },
    ]);
  });

  it('no size check when maxSize is null (appointments)', () => {
    expect(findConflicts(appointment({ roomCapacity: null, patientIds: ids('pt', 5) }), [], STAFF)).toEqual(
      [],
    );
  });

  it('a patient id listed twice counts once', () => {
    const cand = group({ maxSize: 1, roomCapacity: null, patientIds: ['pt-001', 'pt-001'] });
    expect(findConflicts(cand, [], STAFF)).toEqual([]);
  });
});

describe('findConflicts: patient_double_booked', () => {
  const eveningGroup = booking({
    id: 's-group',
    title: 'Evening IOP A',
    startsAt: at('2026-11-30T14:30'),
    endsAt: at('2026-11-30T17:30'),
    roomId: 'room-2',
    staffIds: ['u-dana'],
    patientIds: ['pt-001', 'pt-050'],
  });

  it('an individual appointment against the patient’s own group', () => {
    expect(findConflicts(appointment(), [eveningGroup], STAFF)).toEqual([
      {
        code: 'patient_double_booked',
        message: 'The patient is already booked for the group "Evening IOP A" (Mon 30 Nov 14:30–17:30).',
        patientId: 'pt-001',
        sessionId: 's-group',
      },
    ]);
  });

  it('a group member already in another overlapping session is "A member"', () => {
    const cand = group({
      startsAt: at('2026-11-30T17:00'),
      endsAt: at('2026-11-30T20:00'),
      roomId: 'room-5',
    });
    const cs = findConflicts(cand, [eveningGroup], STAFF);
    expect(cs).toEqual([
      {
        code: 'patient_double_booked',
        message: 'A member is already booked for the group "Evening IOP A" (Mon 30 Nov 14:30–17:30).',
        patientId: 'pt-001',
        sessionId: 's-group',
      },
    ]);
  });

  it('other patients in the existing session are not the candidate’s concern', () => {
    expect(findConflicts(appointment({ patientIds: ['pt-777'] }), [eveningGroup], STAFF)).toEqual([]);
  });

  it('never names or identifies a patient in any message', () => {
    const existing = [
      booking({
        id: 's-1',
        kind: 'individual',
        title: 'Individual – Maria Gonzalez (pt-001)',
        roomId: 'room-2',
        staffIds: ['u-lee'],
        patientIds: ['pt-001'],
      }),
    ];
    const cs = findConflicts(
      group({ roomCapacity: 2, maxSize: 1, staff: [], patientIds: ['pt-001', 'pt-002'] }),
      existing,
      STAFF,
    );
    expect(codes(cs)).toEqual(
      expect.arrayContaining(['no_provider', 'room_double_booked', 'patient_double_booked', 'group_full']),
    );
    for (const c of cs) expect(c.message).not.toMatch(/pt-00|Maria|Gonzalez/);
  });
});

describe('findConflicts: no_provider', () => {
  it('no staff at all', () => {
    expect(findConflicts(group({ staff: [] }), [], STAFF)).toEqual([
      { code: 'no_provider', message: 'No staff are assigned to this group session; add a lead.' },
    ]);
  });

  it('staff but no lead', () => {
    expect(codes(findConflicts(group({ staff: [{ userId: 'u-lee', role: 'co' }] }), [], STAFF))).toEqual([
      'no_provider',
    ]);
  });

  it('two leads are allowed', () => {
    const cand = group({
      staff: [
        { userId: 'u-lee', role: 'lead' },
        { userId: 'u-dana', role: 'lead' },
      ],
    });
    expect(findConflicts(cand, [], STAFF)).toEqual([]);
  });
});

describe('findConflicts: credential', () => {
  const staffed = (kind: BookingCandidate['kind'], ...staff: [string, 'lead' | 'co'][]) =>
    findConflicts(
      appointment({ kind, roomCapacity: null, staff: staff.map(([userId, role]) => ({ userId, role })) }),
      [],
      STAFF,
    );

  it('a supervised clinician may co-facilitate a group with a licensed lead', () => {
    expect(staffed('group', ['u-lee', 'lead'], ['u-sam', 'co'])).toEqual([]);
  });

  it('a supervised clinician may not lead a group', () => {
    expect(staffed('group', ['u-sam', 'lead'])).toEqual([
      {
        code: 'credential',
        message:
          'Sam Ortiz practises under supervision and may co-facilitate but not lead a group; assign a licensed lead.',
        userId: 'u-sam',
      },
    ]);
    // Still refused when a licensed co-facilitator is present: the lead is the problem.
    expect(codes(staffed('group', ['u-sam', 'lead'], ['u-lee', 'co']))).toEqual(['credential']);
  });

  it('a supervised clinician may lead an individual or family session (supervision rule is for groups)', () => {
    expect(staffed('individual', ['u-sam', 'lead'])).toEqual([]);
    expect(staffed('family', ['u-sam', 'lead'])).toEqual([]);
  });

  it('a program director or a prescriber may lead a group', () => {
    expect(staffed('group', ['u-dana', 'lead'])).toEqual([]);
    expect(staffed('group', ['u-rao', 'lead'])).toEqual([]);
  });

  it('medication management must be led by a prescriber', () => {
    expect(staffed('medication_management', ['u-rao', 'lead'])).toEqual([]);
    expect(staffed('medication_management', ['u-lee', 'lead'])).toEqual([
      {
        code: 'credential',
        message: 'Jordan Lee is not a prescriber; a medication management visit must be led by a prescriber.',
        userId: 'u-lee',
      },
    ]);
    expect(codes(staffed('medication_management', ['u-dana', 'lead']))).toEqual(['credential']);
  });

  it('a clinician may join medication management as co with a prescriber lead, but not lead it', () => {
    expect(staffed('medication_management', ['u-rao', 'lead'], ['u-lee', 'co'])).toEqual([]);
    const cs = staffed('medication_management', ['u-lee', 'lead'], ['u-rao', 'co']);
    expect(cs.map((c) => [c.code, c.userId])).toEqual([['credential', 'u-lee']]);
  });

  it('an intake coordinator may lead an intake assessment, but nothing else, and may not co-staff', () => {
    expect(staffed('intake_assessment', ['u-ida', 'lead'])).toEqual([]);
    expect(staffed('intake_assessment', ['u-lee', 'lead'])).toEqual([]);
    expect(staffed('individual', ['u-ida', 'lead'])).toEqual([
      {
        code: 'credential',
        message:
          'Ida Moss does not hold a clinical role (clinician, prescriber or program director) and cannot lead an individual session.',
        userId: 'u-ida',
      },
    ]);
    expect(codes(staffed('group', ['u-ida', 'lead']))).toEqual(['credential']);
    expect(codes(staffed('intake_assessment', ['u-lee', 'lead'], ['u-ida', 'co']))).toEqual(['credential']);
  });

  it('non-clinical staff (front desk, biller, admin) cannot staff a clinical session, even as co', () => {
    const cs = staffed('group', ['u-lee', 'lead'], ['u-fran', 'co'], ['u-bill', 'co']);
    expect(cs).toEqual([
      {
        code: 'credential',
        message:
          'Fran Hill does not hold a clinical role (clinician, prescriber or program director) and cannot staff a group session.',
        userId: 'u-fran',
      },
      {
        code: 'credential',
        message:
          'Bill Cho does not hold a clinical role (clinician, prescriber or program director) and cannot staff a group session.',
        userId: 'u-bill',
      },
    ]);
  });

  it('an unknown (or deactivated) user id is a credential conflict', () => {
    expect(staffed('individual', ['u-ghost', 'lead'])).toEqual([
      {
        code: 'credential',
        message: 'Staff member u-ghost was not found (or is no longer active) and cannot be booked.',
        userId: 'u-ghost',
      },
    ]);
  });

  it('a person listed as both lead and co is judged as lead', () => {
    expect(codes(staffed('group', ['u-sam', 'co'], ['u-sam', 'lead']))).toEqual(['credential']);
  });
});

describe('findConflicts: outside_availability', () => {
  const withHours = (...availability: StaffProfile['availability'][number][]) =>
    staffMap(profile({ userId: 'u-lee', name: 'Jordan Lee', availability }));

  it('inside a window, or exactly matching it, is fine', () => {
    expect(findConflicts(group(), [], withHours({ weekday: 'MO', start: '17:00', end: '21:30' }))).toEqual(
      [],
    );
    expect(findConflicts(group(), [], withHours({ weekday: 'MO', start: '18:00', end: '21:00' }))).toEqual(
      [],
    );
  });

  it('starting before the window opens is outside', () => {
    const cand = group({ startsAt: at('2026-11-30T17:30') });
    expect(findConflicts(cand, [], withHours({ weekday: 'MO', start: '18:00', end: '21:00' }))).toEqual([
      {
        code: 'outside_availability',
        message:
          'Jordan Lee is available on Mondays only 18:00–21:00; this group session is Mon 30 Nov 17:30–21:00.',
        userId: 'u-lee',
      },
    ]);
  });

  it('ending after the window closes is outside', () => {
    const cand = group({ endsAt: at('2026-11-30T21:15') });
    expect(
      codes(findConflicts(cand, [], withHours({ weekday: 'MO', start: '18:00', end: '21:00' }))),
    ).toEqual(['outside_availability']);
  });

  it('no window on that weekday', () => {
    const hours = withHours(
      { weekday: 'TU', start: '09:00', end: '21:00' },
      { weekday: 'TH', start: '09:00', end: '21:00' },
    );
    expect(findConflicts(group(), [], hours)).toEqual([
      {
        code: 'outside_availability',
        message: 'Jordan Lee is not available on Mondays; this group session is Mon 30 Nov 18:00–21:00.',
        userId: 'u-lee',
      },
    ]);
  });

  it('must lie within ONE window: spanning a lunch break between two windows is outside', () => {
    const hours = withHours(
      { weekday: 'MO', start: '09:00', end: '12:00' },
      { weekday: 'MO', start: '13:00', end: '17:00' },
    );
    const cand = appointment({ startsAt: at('2026-11-30T11:30'), endsAt: at('2026-11-30T13:30') });
    const [c] = findConflicts(cand, [], hours);
    expect(c?.code).toBe('outside_availability');
    expect(c?.message).toContain('only 09:00–12:00, 13:00–17:00');
    const morning = appointment({ startsAt: at('2026-11-30T10:00'), endsAt: at('2026-11-30T11:00') });
    expect(findConflicts(morning, [], hours)).toEqual([]);
  });

  it('uses the clinic-local weekday, not the UTC one (Mon 20:00 EST is Tue 01:00Z)', () => {
    const cand = group({ startsAt: at('2026-11-30T20:00'), endsAt: at('2026-11-30T22:00') });
    expect(cand.endsAt.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(findConflicts(cand, [], withHours({ weekday: 'MO', start: '19:00', end: '23:00' }))).toEqual([]);
    expect(
      codes(findConflicts(cand, [], withHours({ weekday: 'TU', start: '00:00', end: '23:59' }))),
    ).toEqual(['outside_availability']);
  });

  it('a session crossing midnight is outside even with late hours on both days', () => {
    const cand = group({ startsAt: at('2026-11-30T22:00'), endsAt: at('2026-12-01T01:00') });
    const hours = withHours(
      { weekday: 'MO', start: '18:00', end: '23:59' },
      { weekday: 'TU', start: '00:00', end: '02:00' },
    );
    const [c] = findConflicts(cand, [], hours);
    expect(c?.code).toBe('outside_availability');
    expect(c?.message).toContain('Mon 30 Nov 22:00–Tue 1 Dec 01:00');
  });

  it('windows are wall-clock: 18:00–21:00 still fits on both sides of spring forward (2026-03-08)', () => {
    const hours = withHours(
      { weekday: 'MO', start: '18:00', end: '21:00' },
      { weekday: 'TH', start: '18:00', end: '21:00' },
    );
    const before = group({ startsAt: at('2026-03-05T18:00'), endsAt: at('2026-03-05T21:00') });
    const after = group({ startsAt: at('2026-03-09T18:00'), endsAt: at('2026-03-09T21:00') });
    expect(before.startsAt.toISOString()).toBe('2026-03-05T23:00:00.000Z');
    expect(after.startsAt.toISOString()).toBe('2026-03-09T22:00:00.000Z');
    expect(findConflicts(before, [], hours)).toEqual([]);
    expect(findConflicts(after, [], hours)).toEqual([]);
    // The pre-DST UTC instant (23:00Z) is 19:00 local after the change: now outside.
    const stale = group({
      startsAt: new Date('2026-03-09T23:00:00Z'),
      endsAt: new Date('2026-03-10T02:00:00Z'),
    });
    expect(codes(findConflicts(stale, [], hours))).toEqual(['outside_availability']);
  });

  it('and on both sides of fall back (2026-11-01)', () => {
    const hours = withHours({ weekday: 'TH', start: '18:00', end: '21:00' });
    const before = group({ startsAt: at('2026-10-29T18:00'), endsAt: at('2026-10-29T21:00') });
    const after = group({ startsAt: at('2026-11-05T18:00'), endsAt: at('2026-11-05T21:00') });
    expect(findConflicts(before, [], hours)).toEqual([]);
    expect(findConflicts(after, [], hours)).toEqual([]);
  });

  it('empty availability means unrestricted; unknown staff get only the credential conflict', () => {
    const cand = group({ startsAt: at('2026-12-05T02:00'), endsAt: at('2026-12-05T03:00') });
    expect(findConflicts(cand, [], STAFF)).toEqual([]);
    const ghost = group({ staff: [{ userId: 'u-ghost', role: 'lead' }] });
    expect(codes(findConflicts(ghost, [], STAFF))).toEqual(['credential']);
  });

  it('checks every assigned staff member separately', () => {
    const map = staffMap(
      profile({
        userId: 'u-lee',
        name: 'Jordan Lee',
        availability: [{ weekday: 'MO', start: '17:00', end: '21:00' }],
      }),
      profile({
        userId: 'u-sam',
        name: 'Sam Ortiz',
        supervised: true,
        availability: [{ weekday: 'MO', start: '09:00', end: '17:00' }],
      }),
    );
    const cand = group({
      staff: [
        { userId: 'u-lee', role: 'lead' },
        { userId: 'u-sam', role: 'co' },
      ],
    });
    expect(findConflicts(cand, [], map).map((c) => [c.code, c.userId])).toEqual([
      ['outside_availability', 'u-sam'],
    ]);
  });
});

describe('findConflicts: everything at once', () => {
  it('reports conflicts in a stable order', () => {
    const existing = [
      booking({
        id: 's-1',
        roomId: 'room-2',
        staffIds: ['u-sam'],
        patientIds: ['pt-001'],
      }),
    ];
    const map = staffMap(
      profile({
        userId: 'u-sam',
        name: 'Sam Ortiz',
        supervised: true,
        availability: [{ weekday: 'TU', start: '09:00', end: '17:00' }],
      }),
    );
    const cand = group({
      roomCapacity: 3,
      maxSize: 2,
      staff: [{ userId: 'u-sam', role: 'lead' }],
      patientIds: ['pt-001', 'pt-002', 'pt-003'],
    });
    expect(codes(findConflicts(cand, existing, map))).toEqual([
      'credential',
      'outside_availability',
      'clinician_double_booked',
      'room_double_booked',
      'patient_double_booked',
      'room_over_capacity',
      'group_full',
    ]);
  });
});

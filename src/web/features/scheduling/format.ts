import type { z } from 'zod';
import type { GroupBlockDto, IntensityRuleSchema, SessionDto } from '../../../contracts/scheduling.js';
import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { GROUP_KIND_LABELS, WEEKDAY_ORDER, WEEKDAY_SHORT } from './labels.js';

export type IntensityRule = z.infer<typeof IntensityRuleSchema>;
type Block = Pick<
  z.infer<typeof GroupBlockDto>,
  'weekdays' | 'start' | 'end' | 'groupKind' | 'room' | 'telehealthUrl' | 'maxSize'
>;

/** "Mon, Wed, Thu", Monday first whatever the order given. */
export function formatWeekdays(days: readonly Weekday[]): string {
  return WEEKDAY_ORDER.filter((d) => days.includes(d))
    .map((d) => WEEKDAY_SHORT[d])
    .join(', ');
}

/** "9 h", "2.5 h". */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 100) / 100} h`;
}

function range(min: number, max: number | undefined, unit: string): string {
  if (max === undefined || max === min) return `${min}${unit}`;
  return `${min}–${max}${unit}`;
}

/** "≥9 h/week, 3–5 days, 2–4 h/day". */
export function describeIntensity(rule: IntensityRule): string {
  const week =
    rule.maxHoursPerWeek === undefined
      ? `≥${rule.minHoursPerWeek} h/week`
      : `${range(rule.minHoursPerWeek, rule.maxHoursPerWeek, '')} h/week`;
  return `${week}, ${range(rule.minDaysPerWeek, rule.maxDaysPerWeek, ' days')}, ${range(
    rule.minHoursPerDay,
    rule.maxHoursPerDay,
    ' h/day',
  )}`;
}

/** "18 and older", "13–17". */
export function describeAges(minAge: number, maxAge: number | null): string {
  return maxAge === null ? `${minAge} and older` : `${minAge}–${maxAge}`;
}

/** Where a session or group meets: the room, else "Telehealth". */
export function placeOf(item: { room: { name: string } | null; telehealthUrl: string | null }): string {
  if (item.room) return item.room.name;
  return item.telehealthUrl ? 'Telehealth' : 'No room';
}

/** "Mon, Wed, Thu 18:00–21:00 · Process group · Room B · max 12". */
export function describeBlock(block: Block): string {
  return [
    `${formatWeekdays(block.weekdays)} ${block.start}–${block.end}`,
    GROUP_KIND_LABELS[block.groupKind],
    placeOf(block),
    `max ${block.maxSize}`,
  ].join(' · ');
}

type SessionLine = Pick<
  SessionDto,
  'start' | 'end' | 'title' | 'room' | 'telehealthUrl' | 'participantCount' | 'maxSize' | 'kind'
> & { participants?: readonly { name: string }[] };

/** "18:00–21:00 Evening process group · Room B · 8/12"; an appointment names its patient. */
export function describeSession(session: SessionLine): string {
  const who = session.kind === 'group' ? '' : (session.participants ?? []).map((p) => p.name).join(', ');
  const parts = [
    `${session.start}–${session.end} ${session.title}${who ? ` with ${who}` : ''}`,
    placeOf(session),
  ];
  if (session.kind === 'group') {
    parts.push(
      session.maxSize === null
        ? `${session.participantCount}`
        : `${session.participantCount}/${session.maxSize}`,
    );
  }
  return parts.join(' · ');
}

/** Sessions grouped by localDate, each day's sorted by start time. */
export function byDay<T extends { localDate: string; start: string }>(
  sessions: readonly T[],
): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const session of [...sessions].sort((a, b) => a.start.localeCompare(b.start))) {
    const list = days.get(session.localDate) ?? [];
    list.push(session);
    days.set(session.localDate, list);
  }
  return days;
}

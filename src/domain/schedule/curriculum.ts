/**
 * Rolling enrollment in a track's ordered curriculum.
 *
 * An IOP track repeats its curriculum in a cycle (module 1, 2, …, n, 1, 2, …), and members join
 * whenever they are admitted rather than at the start of a cycle [D]. A member who joins at
 * module k covers k..n first and then finishes the modules they missed (1..k-1) in the next
 * cycle. Progress is therefore tracked as a set of completed module ids, not a position.
 */

export interface CurriculumModuleRef {
  id: string;
  title: string;
}

function checkWhole(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Invalid ${field} ${String(value)}: expected a whole number${min === 0 ? ' ≥ 0' : ''}`);
  }
}

/**
 * Module ids for `count` consecutive curriculum sessions, cycling through `modules` starting at
 * position `startIndex` (mod length; a negative index counts back from the end). Empty modules →
 * all null. Throws on a negative or fractional `count`, or a fractional `startIndex`.
 */
export function assignModules(
  modules: readonly CurriculumModuleRef[],
  count: number,
  startIndex: number,
): (string | null)[] {
  checkWhole(count, 'count', 0);
  checkWhole(startIndex, 'startIndex', Number.MIN_SAFE_INTEGER);
  const n = modules.length;
  if (n === 0) return Array.from({ length: count }, () => null);
  const first = ((startIndex % n) + n) % n;
  return Array.from({ length: count }, (_, i) => modules[(first + i) % n]!.id);
}

export interface UpcomingCurriculumSession {
  sessionId: string;
  /** Clinic-local 'YYYY-MM-DD'. */
  date: string;
  moduleId: string;
}

export interface CurriculumProgress {
  total: number;
  completedCount: number;
  completed: { moduleId: string; title: string }[];
  remaining: { moduleId: string; title: string; nextSessionId: string | null; nextDate: string | null }[];
  /** Date of the last session that covers a remaining module; null if none remain (already done) OR if some remaining module is not scheduled yet — use `complete` to tell apart. */
  finishesOn: string | null;
  complete: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: string, sessionId: string): void {
  const m = ISO_DATE.exec(value);
  const ok =
    m !== null &&
    (() => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
    })();
  if (!ok)
    throw new Error(`Invalid date "${value}" for session ${sessionId}: expected a real YYYY-MM-DD date`);
}

/**
 * Where a member stands in the curriculum. `completed` and `remaining` are in curriculum order;
 * each remaining module carries the earliest upcoming session that covers it (by date, then the
 * given order for sessions on the same date). Completed ids not in `modules`, and upcoming
 * sessions for modules not in `modules`, are ignored; a module listed twice counts once.
 * A curriculum with no modules is trivially complete. Throws on a malformed session date.
 */
export function curriculumProgress(input: {
  modules: readonly CurriculumModuleRef[];
  completedModuleIds: readonly string[];
  upcoming: readonly UpcomingCurriculumSession[];
}): CurriculumProgress {
  const modules: CurriculumModuleRef[] = [];
  const known = new Set<string>();
  for (const m of input.modules) {
    if (known.has(m.id)) continue;
    known.add(m.id);
    modules.push(m);
  }
  const done = new Set(input.completedModuleIds);

  for (const s of input.upcoming) checkDate(s.date, s.sessionId);
  // Array.prototype.sort is stable, so same-date sessions keep their given order.
  const upcoming = [...input.upcoming].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const next = new Map<string, UpcomingCurriculumSession>();
  for (const s of upcoming) if (!next.has(s.moduleId)) next.set(s.moduleId, s);

  const completed: CurriculumProgress['completed'] = [];
  const remaining: CurriculumProgress['remaining'] = [];
  for (const m of modules) {
    if (done.has(m.id)) {
      completed.push({ moduleId: m.id, title: m.title });
    } else {
      const s = next.get(m.id);
      remaining.push({
        moduleId: m.id,
        title: m.title,
        nextSessionId: s?.sessionId ?? null,
        nextDate: s?.date ?? null,
      });
    }
  }

  let finishesOn: string | null = null;
  if (remaining.length > 0 && remaining.every((r) => r.nextDate !== null)) {
    finishesOn = remaining.reduce(
      (max, r) => (r.nextDate! > max ? r.nextDate! : max),
      remaining[0]!.nextDate!,
    );
  }

  return {
    total: modules.length,
    completedCount: completed.length,
    completed,
    remaining,
    finishesOn,
    complete: remaining.length === 0,
  };
}

import type { ConflictDto, IntensityDto } from '../../../contracts/scheduling.js';
import { ApiError } from '../../app/api.js';

function problemOf(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof ApiError)) return null;
  const problem: Record<string, unknown> = error.problem;
  return problem;
}

/** The clashes a 409 schedule_conflict problem lists, or none. */
export function conflictsOf(error: unknown): ConflictDto[] {
  const problem = problemOf(error);
  if (!problem || problem.code !== 'schedule_conflict') return [];
  return Array.isArray(problem.conflicts) ? (problem.conflicts as ConflictDto[]) : [];
}

/** The intensity a 409 intensity_shortfall problem reports, or null. */
export function intensityShortfallOf(error: unknown): IntensityDto | null {
  const problem = problemOf(error);
  if (!problem || problem.code !== 'intensity_shortfall') return null;
  const intensity = problem.intensity;
  return intensity && typeof intensity === 'object' ? (intensity as IntensityDto) : null;
}

/** True when the error is explained by conflicts or shortfalls shown on their own. */
export function isExplained(error: unknown): boolean {
  return conflictsOf(error).length > 0 || intensityShortfallOf(error) !== null;
}

/** Identical clashes (a full room on every session of a track) listed once, with how many. */
export function groupConflicts(conflicts: readonly ConflictDto[]): { message: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of conflicts) counts.set(c.message, (counts.get(c.message) ?? 0) + 1);
  return [...counts].map(([message, count]) => ({ message, count }));
}

import type { IntensityDto } from '../../../contracts/scheduling.js';
import { checkIntensity, weekOf } from '../../../domain/hours/intensity.js';
import { plannedWeek, weeksTouched } from '../../../domain/schedule/planned-week.js';
import { addDays } from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError } from '../../platform/errors.js';
import type { EpisodeRow } from './episodes.repo.js';
import { episodesRepo } from './episodes.repo.js';
import { sessionsRepo } from './sessions.repo.js';

type EpisodeContext = Pick<
  EpisodeRow,
  'id' | 'patient_id' | 'admitted_on' | 'intensity' | 'time_zone' | 'track_id'
>;

/** A patient's planned week against the program's intensity rule (clinical-facts §1.1). */
export async function weekIntensity(
  db: Db,
  organizationId: string,
  episode: EpisodeContext,
  monday: string,
): Promise<IntensityDto> {
  const sessions = await sessionsRepo.patientSessions(
    db,
    organizationId,
    episode.patient_id,
    monday,
    addDays(monday, 6),
  );
  const result = checkIntensity(
    plannedWeek(
      sessions.map((s) => ({ startsAt: s.starts_at, endsAt: s.ends_at })),
      episode.time_zone,
      monday,
    ),
    episode.intensity,
  );
  return { weekOf: monday, ...result };
}

/** The Monday of the first whole week of care: the admission week when admitted on a Monday. */
export const firstFullWeek = (admittedOn: string) => {
  const { monday } = weekOf(admittedOn);
  return monday === admittedOn ? monday : addDays(monday, 7);
};

/**
 * Runs the intensity check for every whole week of care a schedule change touches (weeks the
 * track's calendar has been generated for). A week below the rule refuses the change unless the
 * person gave a reason, which is then kept with the shortfalls it overrode.
 */
export async function enforceIntensity(
  db: Db,
  actor: { organizationId: string; userId: string },
  episode: EpisodeContext,
  change: { mondays: readonly string[]; description: string; overrideReason?: string },
): Promise<IntensityDto[]> {
  const horizon = await sessionsRepo.lastGeneratedDate(db, actor.organizationId, episode.track_id);
  const first = firstFullWeek(episode.admitted_on);
  const weeks = [...new Set(change.mondays)]
    .filter((m) => m >= first && (horizon === null || addDays(m, 6) <= horizon))
    .sort();
  const results: IntensityDto[] = [];
  for (const monday of weeks) results.push(await weekIntensity(db, actor.organizationId, episode, monday));
  const failing = results.filter((r) => !r.ok);
  if (failing.length === 0) return results;
  const reason = change.overrideReason?.trim();
  if (!reason) {
    const week = failing[0]!;
    throw new AppError('intensity_shortfall', {
      message: 'intensity shortfall',
      userMessage: `Week of ${week.weekOf}: ${week.shortfalls.map((s) => s.message).join(' ')} Give a reason to save anyway.`,
      extensions: { intensity: week, weeks: failing },
    });
  }
  for (const week of failing) {
    await episodesRepo.insertOverride(db, {
      organizationId: actor.organizationId,
      episodeId: episode.id,
      weekOf: week.weekOf,
      change: change.description,
      shortfalls: week.shortfalls,
      reason,
      by: actor.userId,
    });
  }
  return results;
}

/** The intensity check for every patient with an active episode whose weeks a change touches. */
export async function enforceForPatients(
  db: Db,
  actor: { organizationId: string; userId: string },
  patientIds: readonly string[],
  instants: readonly Date[],
  description: string,
  overrideReason?: string,
) {
  for (const episode of await episodesRepo.activeOfPatients(db, actor.organizationId, patientIds)) {
    await enforceIntensity(db, actor, episode, {
      mondays: weeksTouched(instants, episode.time_zone),
      description,
      overrideReason,
    });
  }
}

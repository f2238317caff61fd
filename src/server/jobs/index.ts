import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../deps.js';

const EVERY_MS = 60_000;
/** Track calendars are extended over the scheduling horizon hourly (idempotent). */
const HORIZON_EVERY_MS = 3_600_000;

/**
 * Periodic work. Each job is idempotent and claims its rows in the database, so any number of
 * app nodes may run it. Returns a function that stops it.
 */
export function startJobs(deps: Deps, log: FastifyBaseLogger): () => void {
  const run = () => {
    deps.safety.escalateOverdue().then(
      (n) => n > 0 && log.info({ escalated: n }, 'safety alerts escalated'),
      (err: unknown) =>
        log.error({ error: err instanceof Error ? err.name : 'unknown' }, 'safety escalation failed'),
    );
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  const extend = () => {
    deps.programs.extendHorizons().then(
      (n) => n > 0 && log.info({ created: n }, 'group sessions generated'),
      (err: unknown) =>
        log.error({ error: err instanceof Error ? err.name : 'unknown' }, 'session generation failed'),
    );
  };
  extend();
  const daily = setInterval(extend, HORIZON_EVERY_MS);
  daily.unref();
  return () => {
    clearInterval(timer);
    clearInterval(daily);
  };
}

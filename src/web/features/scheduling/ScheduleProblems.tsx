import { Alert, List, Text } from '@mantine/core';
import type { ConflictDto, IntensityDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatHours } from './format.js';
import { conflictsOf, groupConflicts, intensityShortfallOf } from './problems.js';

/** Each clash the server found, in its own words. */
export function ConflictList({
  conflicts,
  title = 'Schedule conflicts',
}: {
  conflicts: ConflictDto[];
  title?: string;
}) {
  if (conflicts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" role="alert" title={title}>
      <List size="sm">
        {groupConflicts(conflicts).map(({ message, count }) => (
          <List.Item key={message}>
            {message}
            {count > 1 ? ` (${count} sessions)` : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The ways a week falls short of the program's intensity rule. */
export function ShortfallAlert({ intensity }: { intensity: IntensityDto | null }) {
  if (!intensity || intensity.shortfalls.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="alert" title="Below the program’s intensity">
      <Text size="sm">
        Week of {intensity.weekOf}: {formatHours(intensity.hoursPerWeek)} over {intensity.daysPerWeek}{' '}
        {intensity.daysPerWeek === 1 ? 'day' : 'days'}.
      </Text>
      <List size="sm">
        {intensity.shortfalls.map((shortfall, i) => (
          <List.Item key={`${shortfall.code}-${i}`}>{shortfall.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A scheduling request's error: its conflicts or shortfalls when it has them, else the message. */
export function ScheduleError({ error }: { error: unknown }) {
  const conflicts = conflictsOf(error);
  const intensity = intensityShortfallOf(error);
  if (conflicts.length > 0)
    return <ConflictList conflicts={conflicts} title="This clashes with the schedule" />;
  if (intensity) return <ShortfallAlert intensity={intensity} />;
  return <ErrorAlert error={error} />;
}

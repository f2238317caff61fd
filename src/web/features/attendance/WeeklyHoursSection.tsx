import { Alert, List, Text } from '@mantine/core';
import { hasCode } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { useWeeklyHours } from './attendance-api.js';

/** Attended hours this week against the program minimum, and what is still needed by Sunday. */
export function WeeklyHoursSection({ patientId }: { patientId: string }) {
  const hours = useWeeklyHours(patientId);
  // No episode of care yet: nothing to count.
  if (hasCode(hours.error, 'not_found')) return null;
  const data = hours.data;
  return (
    <Section heading="Hours this week">
      <ErrorAlert error={hours.error} />
      {data && (
        <>
          <Text>
            {data.attendedHours} of {data.minimumHours} hours attended over {data.daysAttended}{' '}
            {data.daysAttended === 1 ? 'day' : 'days'}
            {data.met ? ': the minimum is met.' : '.'}
          </Text>
          {data.authorization && (
            <Text size="sm">
              Authorization {data.authorization.label} ({data.authorization.from} to {data.authorization.to})
              {data.authorization.hoursPerWeek !== null &&
                `: ${data.authorization.hoursPerWeek} hours a week${data.authorization.exceeded ? ', exceeded this week' : ''}`}
              .
            </Text>
          )}
          {data.outsideLimits.length > 0 && (
            <Alert color="yellow" variant="light" title="Outside the program’s days and hours">
              <List size="sm">
                {data.outsideLimits.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {data.stepDownExcused && (
            <Text size="sm">Stepping down: a short week inside the step-down allowance is not flagged.</Text>
          )}
          {data.forecast && !data.met && (
            <Alert
              color={data.forecast.onTrack ? 'blue' : 'yellow'}
              variant="light"
              title={data.forecast.onTrack ? 'On track' : 'Behind on hours'}
            >
              <Text size="sm">{data.forecast.message}</Text>
              {data.forecast.makeUpOptions.length > 0 && (
                <List size="sm" aria-label="Make-up groups that would cover it">
                  {data.forecast.makeUpOptions.map((m) => (
                    <List.Item key={m.sessionId}>
                      {m.title}, {m.date} ({m.hours} h)
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </>
      )}
    </Section>
  );
}

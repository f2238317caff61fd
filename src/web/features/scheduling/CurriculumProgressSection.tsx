import { List, Loader, Progress, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDay } from './dates.js';
import { useCurriculumProgress } from './scheduling-api.js';

/** The member's place in the track's rolling curriculum: done, and when each missed module comes round. */
export function CurriculumProgressSection({ episodeId }: { episodeId: string }) {
  const progress = useCurriculumProgress(episodeId);
  const data = progress.data;
  return (
    <Section heading="Curriculum">
      <ErrorAlert error={progress.error} />
      {progress.isLoading && <Loader size="sm" aria-label="Loading the curriculum" />}
      {data && data.total === 0 && <Text size="sm">This track has no curriculum.</Text>}
      {data && data.total > 0 && (
        <>
          <Text size="sm">
            {data.completedCount} of {data.total} modules completed
            {data.complete
              ? '.'
              : data.finishesOn
                ? `; the rest are covered by ${formatDay(data.finishesOn)}.`
                : '; some remaining modules are not scheduled yet.'}
          </Text>
          <Progress
            value={(data.completedCount / data.total) * 100}
            aria-label={`${data.completedCount} of ${data.total} modules completed`}
          />
          {data.remaining.length > 0 && (
            <List size="sm" aria-label="Modules still to do">
              {data.remaining.map((m) => (
                <List.Item key={m.moduleId}>
                  {m.title}: {m.nextDate ? `next on ${formatDay(m.nextDate)}` : 'not scheduled yet'}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Section>
  );
}

import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ScoreResult } from '../../../domain/instruments/index.js';
import { FLAG_LABELS, severityLabel } from './labels.js';
import type { LiveScore as Live } from './screening-draft.js';

/** The live score of the form: only ever a complete score, never a partial one. */
export function LiveScore({ score, itemCount }: { score: Live; itemCount: number }) {
  return (
    <Paper withBorder p="md" radius="md" bg={score.kind === 'scored' ? 'indigo.0' : 'gray.0'}>
      <Stack gap={6}>
        <Text fw={600}>Score</Text>
        {/* Announced when it changes: a result or a problem, not every answer's count. */}
        <div role="status" aria-live="polite">
          {score.kind === 'scored' && <ScoreSummary result={score.result} />}
          {score.kind === 'invalid' && <Text c="var(--mantine-color-error)">{score.message}</Text>}
          {score.kind === 'incomplete' && <Text>Answer all items to see the score.</Text>}
        </div>
        {score.kind === 'incomplete' && (
          <Text size="sm" c="dimmed">
            {score.unanswered} of {itemCount} still to answer.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function ScoreSummary({ result }: { result: ScoreResult }) {
  return (
    <Group gap="sm">
      {result.total !== null && (
        <Text size="lg" fw={700}>
          Total {result.total}
        </Text>
      )}
      {result.severity && <Text size="lg">{severityLabel(result.severity)}</Text>}
      <Badge color={result.positive ? 'red.9' : 'gray'} variant={result.positive ? 'filled' : 'light'}>
        {result.positive ? 'Positive screen' : 'Negative screen'}
      </Badge>
      {result.flags.map((flag) => (
        <Badge key={flag} color="red.9" variant="outline">
          {FLAG_LABELS[flag]}
        </Badge>
      ))}
    </Group>
  );
}

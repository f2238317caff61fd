import { Alert, Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { LEVEL_OF_CARE_LABELS } from '../../../domain/level-of-care/rules.js';
import type { SelfCheckResult as Result } from './assess.js';
import { CRISIS_HELP_ID } from './CrisisHelp.js';
import {
  EXPLAINED_LEVELS,
  LEVEL_EXPLANATIONS,
  LEVEL_NAMES,
  NEXT_STEPS,
  REASON_TEXTS,
  SEVERITY_WORDS,
} from './wording.js';

interface SelfCheckResultProps {
  result: Result;
  crisis: boolean;
  /** The heading, focused when the result first appears. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function SelfCheckResult({ result, crisis, headingRef }: SelfCheckResultProps) {
  const { level } = result.recommendation;
  const reasons = result.recommendation.reasons.flatMap(({ code }) => REASON_TEXTS[code] ?? []);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="self-check-result-heading">
      <Stack>
        <Title order={2} size="h3" id="self-check-result-heading" ref={headingRef} tabIndex={-1}>
          Your result
        </Title>
        {crisis && (
          <Text fw={700}>
            First, please use the{' '}
            <Anchor href={`#${CRISIS_HELP_ID}`} fw={700}>
              crisis help at the top of this page
            </Anchor>
            : call or text 988, or call 911 if you are in danger now.
          </Text>
        )}
        <Alert color="indigo" variant="light" title="This is not a diagnosis">
          This check is not a diagnosis and not medical advice. It only helps you know what kind of care to
          ask about. A counselor, therapist, or doctor can help you decide what is right for you.
        </Alert>
        <Stack gap="xs">
          <Text>Based on your answers, you could ask about:</Text>
          <Text fw={700} size="lg" data-testid="self-check-level">
            {LEVEL_OF_CARE_LABELS[level]}
          </Text>
          <Text>{LEVEL_EXPLANATIONS[level]}</Text>
        </Stack>
        {reasons.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              Why
            </Title>
            <List spacing="xs">
              {reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={3} size="h4">
            What your answers show
          </Title>
          <List spacing="xs">
            <List.Item>
              Mood (PHQ-9): {result.phq9.total} out of 27, {SEVERITY_WORDS[result.phq9.severity ?? ''] ?? ''}
            </List.Item>
            <List.Item>
              Worry and nerves (GAD-7): {result.gad7.total} out of 21,{' '}
              {SEVERITY_WORDS[result.gad7.severity ?? ''] ?? ''}
            </List.Item>
          </List>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            What to do next
          </Title>
          <Text>{NEXT_STEPS[level]}</Text>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            The kinds of care
          </Title>
          <List spacing="sm">
            {EXPLAINED_LEVELS.map((l) => (
              <List.Item key={l}>
                <strong>{LEVEL_NAMES[l]}:</strong> {LEVEL_EXPLANATIONS[l]}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Stack>
    </Paper>
  );
}

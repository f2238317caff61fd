import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { INSTRUMENTS, type InstrumentId } from '../../../domain/instruments/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { liveScore, type Draft, type Sex } from '../assessments/screening-draft.js';
import { kioskSteps, pruneDraft, questionStem } from './kiosk-steps.js';
import type { KioskSubmission } from './outcomes-api.js';

const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
] as const;

interface KioskQuestionnaireProps {
  instrumentId: InstrumentId;
  /** "Part 1 of 2" */
  part: string;
  saving: boolean;
  error: unknown;
  onSubmit: (submission: KioskSubmission) => void;
}

/**
 * One instrument on the tablet, one question per screen: big, labelled radio options, Back and
 * Next, and Submit on the last question. Nothing about the score is ever shown.
 */
export function KioskQuestionnaire({ instrumentId, part, saving, error, onSubmit }: KioskQuestionnaireProps) {
  const definition = INSTRUMENTS[instrumentId].definition;
  const [draft, setDraft] = useState<Draft>([]);
  const [sex, setSex] = useState<Sex | null>(null);
  const [position, setPosition] = useState(0);
  const [missing, setMissing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const steps = kioskSteps(definition, draft);
  const step = steps[Math.min(position, steps.length - 1)]!;
  const last = position >= steps.length - 1;
  const stem = questionStem(definition);

  // Each new question takes focus, so a screen reader starts reading it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [position]);

  const answered = step.kind === 'sex' ? sex !== null : draft[step.index] !== undefined;
  const value = step.kind === 'sex' ? (sex ?? null) : (draft[step.index]?.toString() ?? null);

  const choose = (chosen: string) => {
    setMissing(false);
    setProblem(null);
    if (step.kind === 'sex') {
      setSex(chosen === 'male' ? 'male' : 'female');
      return;
    }
    const next = [...draft];
    next[step.index] = Number(chosen);
    setDraft(pruneDraft(definition, next));
  };

  const goNext = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!answered) {
      setMissing(true);
      return;
    }
    if (!last) {
      setPosition((p) => p + 1);
      return;
    }
    const score = liveScore(definition, draft, sex);
    if (score.kind === 'scored') {
      onSubmit({ instrument: definition.id, answers: score.answers, sex: sex ?? undefined });
    } else if (score.kind === 'invalid') {
      setProblem(score.message);
    } else {
      setProblem('Some questions still need an answer. Please go back and answer them.');
    }
  };

  const options =
    step.kind === 'sex'
      ? SEX_OPTIONS.map((o) => ({ value: o.value, label: o.label }))
      : definition.items[step.index]!.options.map((o, i) => ({ value: String(i), label: o.label }));
  const question =
    step.kind === 'sex' ? 'What sex were you assigned at birth?' : definition.items[step.index]!.text;
  const description =
    step.kind === 'sex' ? 'This helps your care team read your answers correctly.' : stem || undefined;

  return (
    <form onSubmit={goNext} noValidate aria-label={`${definition.shortName} questions`}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="lg">
            {part} · {definition.name}
          </Text>
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            Question {position + 1} of {steps.length}
          </Title>
        </Stack>
        <Radio.Group
          key={`${position}`}
          name={`${definition.id}-${position}`}
          label={question}
          description={description}
          value={value}
          onChange={choose}
          error={missing ? 'Please choose an answer.' : undefined}
          size="xl"
          styles={{
            label: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700, lineHeight: 1.35 },
            description: {
              fontSize: 'var(--mantine-font-size-lg)',
              marginBottom: 'var(--mantine-spacing-sm)',
            },
            error: { fontSize: 'var(--mantine-font-size-lg)' },
          }}
        >
          <Stack gap="sm" mt="sm">
            {options.map((option) => (
              <Paper
                key={option.value}
                withBorder
                radius="md"
                bg={value === option.value ? 'indigo.0' : undefined}
                style={{
                  borderWidth: 2,
                  borderColor: value === option.value ? 'var(--mantine-color-indigo-8)' : undefined,
                }}
              >
                <Radio
                  value={option.value}
                  label={option.label}
                  size="lg"
                  styles={{
                    body: { alignItems: 'center', paddingLeft: 'var(--mantine-spacing-md)' },
                    labelWrapper: { flex: 1 },
                    label: {
                      fontSize: 'var(--mantine-font-size-lg)',
                      padding: 'var(--mantine-spacing-md)',
                      minHeight: 56,
                      cursor: 'pointer',
                      display: 'flex',
                      alignItems: 'center',
                    },
                  }}
                />
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <ErrorAlert error={error} message="Your answers could not be sent. Please try again." />
        <Group justify="space-between">
          {position > 0 ? (
            <Button
              variant="default"
              size="xl"
              onClick={() => {
                setMissing(false);
                setPosition((p) => p - 1);
              }}
            >
              Back
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" size="xl" loading={saving}>
            {last ? 'Submit' : 'Next'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

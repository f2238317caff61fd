import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, useState, type SyntheticEvent, type ReactNode } from 'react';
import type { ItemDefinition } from '../../../domain/instruments/index.js';
import { assessSelfCheck, needsCrisisHelp, questionId, unansweredQuestions } from './assess.js';
import { CallbackForm } from './CallbackForm.js';
import { ChoiceQuestion } from './ChoiceQuestion.js';
import { CrisisHelp } from './CrisisHelp.js';
import {
  emptyAnswers,
  FUNCTIONING_CHOICES,
  FUNCTIONING_QUESTION,
  GAD7_ITEMS,
  PHQ9_ITEMS,
  SAFETY_QUESTION,
  SUPPORT_CHOICES,
  SUPPORT_QUESTION,
  TRIED_THERAPY_QUESTION,
  type SelfCheckAnswers,
} from './questions.js';
import { useSelfCheckInfo } from './self-check-api.js';
import { SelfCheckResult } from './SelfCheckResult.js';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const NOT_ANSWERED = 'Please choose an answer.';
const TWO_WEEKS = 'In the last 2 weeks, how often have you been bothered by these problems?';

/** Moves keyboard focus into a question: its chosen answer, or its first one. */
function focusQuestion(id: string): void {
  const fieldset = document.getElementById(id);
  const radio =
    fieldset?.querySelector<HTMLInputElement>('input:checked') ??
    fieldset?.querySelector<HTMLInputElement>('input');
  radio?.focus();
}

/**
 * The public "Is an IOP right for me?" self-check. Everything is worked out in this browser; only a
 * call-back request, if the person makes one, is sent.
 */
export function SelfCheckPage() {
  useDocumentTitle('Is an IOP right for me? · Trellis');
  const info = useSelfCheckInfo();
  const [answers, setAnswers] = useState<SelfCheckAnswers>(emptyAnswers);
  const [showMissing, setShowMissing] = useState(false);
  const [resultShown, setResultShown] = useState(0);
  const crisisRef = useRef<HTMLDivElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const lastAnswered = useRef<string>(questionId.safety);

  const crisis = needsCrisisHelp(answers);
  const missing = unansweredQuestions(answers);
  const result = resultShown > 0 && missing.length === 0 ? assessSelfCheck(answers) : null;

  // Crisis help comes first: the moment an answer calls for it, focus (and the screen) go to it.
  useEffect(() => {
    if (crisis) crisisRef.current?.focus();
  }, [crisis]);
  useEffect(() => {
    if (resultShown > 0) resultHeadingRef.current?.focus();
  }, [resultShown]);

  const answer = (id: string, change: (a: SelfCheckAnswers) => SelfCheckAnswers) => {
    lastAnswered.current = id;
    setAnswers(change);
  };
  const errorFor = (id: string) => (showMissing && missing.includes(id) ? NOT_ANSWERED : undefined);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      focusQuestion(missing[0]!);
      return;
    }
    setShowMissing(false);
    setResultShown((n) => n + 1);
  };

  const ratedItem = (key: 'phq9' | 'gad7', item: ItemDefinition, index: number, id: string): ReactNode => (
    <ChoiceQuestion
      key={id}
      id={id}
      legend={item.text}
      choices={item.options.map((o) => ({ value: String(o.value), label: o.label }))}
      value={answers[key][index]?.toString()}
      onChange={(value) =>
        answer(id, (a) => ({ ...a, [key]: a[key].map((v, i) => (i === index ? Number(value) : v)) }))
      }
      error={errorFor(id)}
      inline
    />
  );

  return (
    <Container component="main" size={720} px="md" py="xl">
      <Stack gap="xl">
        <Title order={1}>Is an IOP right for me?</Title>
        {crisis && (
          <CrisisHelp
            ref={crisisRef}
            now={answers.safetyNow === true}
            onContinue={() => focusQuestion(lastAnswered.current)}
          />
        )}
        <Stack gap="sm">
          <Text>
            Answer some short questions to learn what kind of care you could ask about. It takes about 5
            minutes, and you do not need an account.
          </Text>
          <Text>
            Your answers stay on this device. They are not saved or sent anywhere. This check is not a
            diagnosis.
          </Text>
          <Text fw={700}>
            If you are in danger right now, call 911. To talk to someone now, call or text 988.
          </Text>
        </Stack>

        <form onSubmit={submit} noValidate aria-label="Self-check questions">
          <Stack gap="xl">
            <QuestionSection heading="Your safety">
              <ChoiceQuestion
                id={questionId.safety}
                legend={SAFETY_QUESTION}
                choices={YES_NO}
                value={answers.safetyNow === undefined ? undefined : answers.safetyNow ? 'yes' : 'no'}
                onChange={(value) => answer(questionId.safety, (a) => ({ ...a, safetyNow: value === 'yes' }))}
                error={errorFor(questionId.safety)}
                inline
              />
            </QuestionSection>

            <QuestionSection heading="Your mood" intro={TWO_WEEKS}>
              {PHQ9_ITEMS.map((item, i) => ratedItem('phq9', item, i, questionId.phq9(i)))}
            </QuestionSection>

            <QuestionSection heading="Worry and nerves" intro={TWO_WEEKS}>
              {GAD7_ITEMS.map((item, i) => ratedItem('gad7', item, i, questionId.gad7(i)))}
            </QuestionSection>

            <QuestionSection heading="Daily life and support">
              <ChoiceQuestion
                id={questionId.functioning}
                legend={FUNCTIONING_QUESTION}
                choices={FUNCTIONING_CHOICES}
                value={answers.functioning}
                onChange={(value) =>
                  answer(questionId.functioning, (a) => ({
                    ...a,
                    functioning: FUNCTIONING_CHOICES.find((c) => c.value === value)?.value,
                  }))
                }
                error={errorFor(questionId.functioning)}
              />
              <ChoiceQuestion
                id={questionId.support}
                legend={SUPPORT_QUESTION}
                choices={SUPPORT_CHOICES}
                value={answers.support}
                onChange={(value) =>
                  answer(questionId.support, (a) => ({
                    ...a,
                    support: SUPPORT_CHOICES.find((c) => c.value === value)?.value,
                  }))
                }
                error={errorFor(questionId.support)}
              />
              <ChoiceQuestion
                id={questionId.triedTherapy}
                legend={TRIED_THERAPY_QUESTION}
                choices={YES_NO}
                value={answers.triedTherapy === undefined ? undefined : answers.triedTherapy ? 'yes' : 'no'}
                onChange={(value) =>
                  answer(questionId.triedTherapy, (a) => ({ ...a, triedTherapy: value === 'yes' }))
                }
                error={errorFor(questionId.triedTherapy)}
                inline
              />
            </QuestionSection>

            {showMissing && missing.length > 0 && (
              <Alert color="red" variant="light" role="alert">
                Please answer every question.{' '}
                {missing.length === 1 ? '1 question still needs' : `${missing.length} questions still need`}{' '}
                an answer.{' '}
                <Anchor
                  href={`#${missing[0]!}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusQuestion(missing[0]!);
                  }}
                >
                  Go to the first one
                </Anchor>
                .
              </Alert>
            )}
            <Button type="submit" size="md" style={{ alignSelf: 'flex-start' }}>
              See my result
            </Button>
          </Stack>
        </form>

        {result && <SelfCheckResult result={result} crisis={crisis} headingRef={resultHeadingRef} />}

        {info.data && <CallbackForm organizationName={info.data.organizationName} />}
      </Stack>
    </Container>
  );
}

function QuestionSection({
  heading,
  intro,
  children,
}: {
  heading: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={heading}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {heading}
          </Title>
          {intro && <Text>{intro}</Text>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

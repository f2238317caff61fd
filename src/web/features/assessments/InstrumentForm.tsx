import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RadioFieldset } from '../../components/RadioFieldset.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { InstrumentDefinition } from './assessments-api.js';
import { METHOD_OPTIONS, type AdministrationMethod } from './labels.js';
import { LiveScore } from './LiveScore.js';
import { isAsked, liveScore, type Draft, type Sex } from './screening-draft.js';
import type { AnswerValue } from '../../../domain/instruments/index.js';

export interface InstrumentSubmission {
  answers: AnswerValue[];
  sex?: Sex;
  method: AdministrationMethod;
}

interface InstrumentFormProps {
  definition: InstrumentDefinition;
  saving: boolean;
  error: unknown;
  onSave: (submission: InstrumentSubmission) => void;
}

const SEX_OPTIONS = [
  { value: 'female' as const, label: 'Female' },
  { value: 'male' as const, label: 'Male' },
];

/** "1. Item text"; MDQ's follow-up questions carry no number. */
function legendFor(id: string, text: string): string {
  return /^\d+[a-z]?$/.test(id) ? `${id}. ${text}` : text;
}

/** One instrument: a radio group per asked item, the live score, and save. */
export function InstrumentForm({ definition, saving, error, onSave }: InstrumentFormProps) {
  const [draft, setDraft] = useState<Draft>([]);
  const [sex, setSex] = useState<Sex | null>(null);
  const [method, setMethod] = useState<AdministrationMethod>('staff_entered');
  const [showMissing, setShowMissing] = useState(false);
  const score = liveScore(definition, draft, sex);
  const askedCount =
    definition.items.filter((_, i) => isAsked(definition, draft, i)).length +
    (definition.extraInputs?.sex ? 1 : 0);

  const answer = (index: number, option: number) =>
    setDraft((current) => {
      const next = [...current];
      next[index] = option;
      return next;
    });

  const save = () => {
    if (score.kind !== 'scored') {
      setShowMissing(true);
      return;
    }
    onSave({ answers: score.answers, sex: sex ?? undefined, method });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      noValidate
      aria-label={definition.shortName}
    >
      <Stack gap="md">
        <Text>
          {definition.name}. Recall period: {definition.recallPeriod}.
        </Text>
        <NativeSelect
          label="How it was given"
          data={METHOD_OPTIONS}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value as AdministrationMethod)}
          maw={420}
        />
        {definition.extraInputs?.sex && (
          <RadioFieldset
            legend="Sex (sets the positive cut-off)"
            options={SEX_OPTIONS}
            value={sex}
            onChange={setSex}
            inline
            required
            error={showMissing && !sex ? 'Choose one.' : undefined}
          />
        )}
        {definition.items.map((item, index) =>
          isAsked(definition, draft, index) ? (
            <RadioFieldset
              key={item.id}
              name={`${definition.id}-${item.id}`}
              legend={legendFor(item.id, item.text)}
              options={item.options.map((option, i) => ({ value: String(i), label: option.label }))}
              value={draft[index] === undefined ? '' : String(draft[index])}
              onChange={(value) => answer(index, Number(value))}
              inline={item.options.length <= 5}
              required
              error={showMissing && draft[index] === undefined ? 'Answer this item.' : undefined}
            />
          ) : null,
        )}
        <LiveScore score={score} itemCount={askedCount} />
        {showMissing && score.kind === 'incomplete' && (
          <Alert color="red" variant="light" role="alert">
            Answer all items before saving: {score.unanswered} still to answer.
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={saving}>
            Save screening
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

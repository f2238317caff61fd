import { Button, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { RadioFieldset, type RadioOption } from '../../components/RadioFieldset.js';
import { CrisisStepsDialog } from '../safety/CrisisStepsDialog.js';
import { LEVEL_OF_CARE_CRISIS_STEPS } from '../safety/crisis.js';
import type { RiskCheck, RiskDraft } from './group-note.js';

const RISK_OPTIONS: readonly RadioOption<RiskCheck>[] = [
  { value: 'none', label: 'No risk concern' },
  { value: 'concern', label: 'Concern noted' },
];

interface RiskCheckFieldsProps {
  value: RiskDraft;
  onChange: (value: RiskDraft) => void;
  onBlur?: () => void;
  /** Whose risk check, when several share a page. */
  about?: string;
  errors?: { risk?: string; riskDetail?: string };
}

/** The risk check every note records; a concern needs its detail and offers the crisis steps. */
export function RiskCheckFields({ value, onChange, onBlur, about, errors = {} }: RiskCheckFieldsProps) {
  const [crisisOpen, setCrisisOpen] = useState(false);
  return (
    <Stack gap="xs">
      <RadioFieldset
        legend={about ? `Risk check for ${about}` : 'Risk check'}
        options={RISK_OPTIONS}
        value={value.risk}
        inline
        required
        error={errors.risk}
        onChange={(risk) => onChange({ ...value, risk })}
      />
      {value.risk === 'concern' && (
        <>
          <Textarea
            label="What is the concern?"
            aria-label={about ? `Risk concern for ${about}` : undefined}
            description="What was said or seen, and what you did about it."
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={value.riskDetail}
            error={errors.riskDetail}
            onChange={(event) => onChange({ ...value, riskDetail: event.currentTarget.value })}
            onBlur={onBlur}
          />
          <Button
            variant="light"
            color="red"
            style={{ alignSelf: 'flex-start' }}
            aria-label={about ? `Open crisis steps for ${about}` : undefined}
            onClick={() => setCrisisOpen(true)}
          >
            Open crisis steps
          </Button>
        </>
      )}
      {crisisOpen && (
        <CrisisStepsDialog
          crisis={LEVEL_OF_CARE_CRISIS_STEPS}
          patientName={about}
          onClose={() => setCrisisOpen(false)}
        />
      )}
    </Stack>
  );
}

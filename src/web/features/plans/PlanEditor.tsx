import { Alert, Button, Checkbox, Group, List, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EpisodePlanDto, TreatmentPlanDto } from '../../../contracts/plans.js';
import { ApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { SaveStatus } from '../notes/SaveStatus.js';
import { useAutosave } from '../notes/use-autosave.js';
import { useAttestation } from '../notes/use-sign-form.js';
import { GoalsFields } from './GoalsFields.js';
import { InterventionsFields } from './InterventionsFields.js';
import {
  draftFromPlan,
  localPlanMessages,
  mapPlanErrors,
  planSaveBody,
  type PlanDraft,
  type PlanErrors,
} from './plan-draft.js';
import { useSavePlanDraft, useSignPlan } from './plans-api.js';
import { ProblemsFields } from './ProblemsFields.js';
import { ReviewFields } from './ReviewFields.js';

const PLAN_ATTESTATION =
  'I attest that this plan was written with the patient, is accurate, and is the plan of care I will follow.';

interface PlanEditorProps {
  episode: EpisodePlanDto['episode'];
  /** The draft being written. */
  plan: TreatmentPlanDto;
  /** The signed version this draft reviews, if any. */
  previous: TreatmentPlanDto | null;
  onDone: () => void;
}

const NO_ERRORS: PlanErrors = { fields: {}, all: [] };

/** A draft plan (or review), saved as you type, with what still stops signing beside the Sign button. */
export function PlanEditor({ episode, plan, previous, onDone }: PlanEditorProps) {
  const save = useSavePlanDraft(episode.id);
  const sign = useSignPlan(plan.id);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(plan, previous));
  const autosave = useAutosave((d: PlanDraft) => save.mutateAsync(planSaveBody(d)));
  const attestation = useAttestation();
  const [signErrors, setSignErrors] = useState<PlanErrors>(NO_ERRORS);

  const update = (next: PlanDraft) => {
    setDraft(next);
    autosave.change(next);
  };
  const flush = () => void autosave.flush();

  // The checklist follows the latest saved draft; a failed signature's errors sit beside their fields.
  const problems = mapPlanErrors(plan.signingProblems, plan.content, plan.review ?? undefined);
  const errors = { ...localPlanMessages(draft), ...signErrors.fields };

  const submit = async () => {
    if (!attestation.confirm()) return;
    if (!(await autosave.flush())) return;
    sign.mutate(
      { attestation: true },
      {
        onSuccess: (signed) => {
          setSignErrors(NO_ERRORS);
          notifications.show({
            color: 'green',
            message:
              signed.status === 'signed'
                ? 'Treatment plan signed. Ask the patient to sign it.'
                : 'Treatment plan signed; it now awaits co-signature.',
          });
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            const body = planSaveBody(draft);
            setSignErrors(mapPlanErrors(error.fieldErrors, body.content, body.review));
          }
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <SaveStatus state={autosave.state} />
        <Button
          variant="default"
          onClick={() => {
            flush();
            onDone();
          }}
        >
          Close editor
        </Button>
      </Group>

      {previous && draft.review && (
        <Section heading="Review">
          <ReviewFields
            previous={previous}
            review={draft.review}
            onChange={(review) => update({ ...draft, review })}
            onBlur={flush}
            errors={errors}
          />
        </Section>
      )}
      <Section heading="Problems">
        <ProblemsFields draft={draft} onChange={update} onBlur={flush} errors={errors} />
      </Section>
      <Section heading="Goals and objectives">
        <GoalsFields draft={draft} onChange={update} onBlur={flush} errors={errors} />
      </Section>
      <Section heading="Interventions">
        <InterventionsFields draft={draft} onChange={update} onBlur={flush} errors={errors} />
      </Section>
      <Section heading="Discharge and step-down">
        <Textarea
          label="Discharge criteria"
          description="What tells the team the patient is ready to finish the program"
          autosize
          minRows={2}
          maxLength={4000}
          value={draft.dischargeCriteria}
          error={errors.dischargeCriteria}
          onChange={(e) => update({ ...draft, dischargeCriteria: e.currentTarget.value })}
          onBlur={flush}
        />
        <Textarea
          label="Step-down criteria"
          description="When the patient moves to a less intensive level of care"
          autosize
          minRows={2}
          maxLength={4000}
          value={draft.stepDownCriteria}
          error={errors.stepDownCriteria}
          onChange={(e) => update({ ...draft, stepDownCriteria: e.currentTarget.value })}
          onBlur={flush}
        />
        <NumberInput
          label="Payer review interval in days (optional)"
          description="Only when the payer reviews more often than the program's every-N-days rule"
          min={1}
          max={365}
          allowDecimal={false}
          value={draft.payerReviewIntervalDays}
          error={errors.payerReviewIntervalDays}
          onChange={(v) => update({ ...draft, payerReviewIntervalDays: typeof v === 'number' ? v : '' })}
          onBlur={flush}
          style={{ maxWidth: '22rem' }}
        />
      </Section>

      <Section heading="Sign">
        {problems.all.length > 0 ? (
          <Alert color="yellow" variant="light" title="Before signing">
            <List>
              {problems.all.map((p) => (
                <List.Item key={`${p.key}-${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
            <Text size="xs" mt="xs">
              This list follows the last saved draft.
            </Text>
          </Alert>
        ) : (
          <Text>Nothing stops signing.</Text>
        )}
        <Checkbox
          size="md"
          label={PLAN_ATTESTATION}
          checked={attestation.attested}
          error={attestation.error}
          onChange={(event) => attestation.set(event.currentTarget.checked)}
        />
        {signErrors.all.length > 0 && (
          <Alert color="red" variant="light" role="alert" title="The plan cannot be signed yet">
            <List>
              {signErrors.all.map((p) => (
                <List.Item key={`${p.key}-${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert
          error={sign.error instanceof ApiError && sign.error.fieldErrors.length ? null : sign.error}
        />
        <Group>
          <Button size="lg" loading={sign.isPending} onClick={() => void submit()}>
            Sign plan
          </Button>
          <Text size="sm">A signed plan no longer changes; a review writes the next version.</Text>
        </Group>
      </Section>
    </Stack>
  );
}

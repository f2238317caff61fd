import { Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PLAN_STATUS_LABELS, type EpisodePlanDto, type TreatmentPlanDto } from '../../../contracts/plans.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { formatDate, formatWhen } from '../patients/format.js';
import { PatientSignaturePanel } from './PatientSignaturePanel.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanStatusBadge, ReviewStatusBadge } from './PlanBadges.js';
import { PlanSignatures, PlanView } from './PlanView.js';
import { useCosignPlan, usePatientPlan, usePlan } from './plans-api.js';
import { useStartPlanAction } from './use-start-plan.js';

/** /patients/:id/treatment-plan: the plan in force, its draft or review, and every version. */
export function TreatmentPlanPage() {
  const { id = '' } = useParams();
  const episodePlan = usePatientPlan(id);
  if (episodePlan.error) {
    return (
      <Page title="Treatment plan">
        <ErrorAlert error={episodePlan.error} />
        <Anchor component={Link} to={`/patients/${id}`}>
          Back to the patient record
        </Anchor>
      </Page>
    );
  }
  if (episodePlan.data === undefined) return <Loader aria-label="Loading treatment plan" />;
  if (episodePlan.data === null) {
    return (
      <Page title="Treatment plan">
        <Text>This patient has no episode of care: a treatment plan is written after admission.</Text>
        <Anchor component={Link} to={`/patients/${id}`}>
          Back to the patient record
        </Anchor>
      </Page>
    );
  }
  return <PlanScreen patientId={id} data={episodePlan.data} />;
}

function PlanScreen({ patientId, data }: { patientId: string; data: EpisodePlanDto }) {
  const { episode, current, draft } = data;
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === '1' && draft?.status === 'draft' && draft.canEdit;
  const setEditing = (on: boolean) =>
    setParams(
      (p) => {
        if (on) p.set('edit', '1');
        else p.delete('edit');
        return p;
      },
      { replace: true },
    );
  const start = useStartPlanAction(data, () => setEditing(true));
  const [viewing, setViewing] = useState<string | null>(null);

  const action =
    draft?.status === 'draft' && draft.canEdit ? (
      !editing && <Button onClick={() => setEditing(true)}>Continue draft</Button>
    ) : !draft ? (
      <Button loading={start.isPending} onClick={start.run}>
        {current ? 'Review plan' : 'Write plan'}
      </Button>
    ) : null;

  return (
    <Page
      title="Treatment plan"
      actions={
        <Group>
          {action}
          <Button component={Link} to={`/patients/${patientId}`} variant="default">
            Patient record
          </Button>
        </Group>
      }
    >
      <Text size="lg">
        {episode.programName} · {episode.trackName} · Admitted {formatDate(episode.admittedOn)}
      </Text>
      <ErrorAlert error={start.error} />

      {editing ? (
        <PlanEditor
          key={draft.id}
          episode={episode}
          plan={draft}
          previous={current}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          {draft && <DraftSummary draft={draft} />}
          {current ? (
            <CurrentPlan plan={current} />
          ) : (
            !draft && (
              <Section heading="Plan in force">
                <Text>
                  No treatment plan yet. Write it with the patient; it is reviewed every{' '}
                  {data.reviewIntervalDays} days.
                </Text>
              </Section>
            )
          )}
        </>
      )}

      <Section heading="Version history">
        {data.versions.length === 0 ? (
          <Text size="sm">No versions yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Version history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Signed</Table.Th>
                  <Table.Th>Review</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        aria-pressed={viewing === v.id}
                        onClick={() => setViewing(viewing === v.id ? null : v.id)}
                      >
                        Version {v.version}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{PLAN_STATUS_LABELS[v.status]}</Table.Td>
                    <Table.Td>
                      {v.signedAt ? `${formatWhen(v.signedAt)}${v.signedBy ? ` by ${v.signedBy}` : ''}` : '—'}
                    </Table.Td>
                    <Table.Td>{v.reviewed ? 'Reviews the version before' : 'First plan'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {viewing && <VersionView id={viewing} />}
      </Section>
    </Page>
  );
}

/** The signed plan in force: review due, content, clinician and patient signatures. */
function CurrentPlan({ plan }: { plan: TreatmentPlanDto }) {
  return (
    <>
      <Section
        heading={`Plan in force: version ${plan.version}`}
        status={
          <Group gap="xs">
            <PlanStatusBadge status={plan.status} />
            <ReviewStatusBadge status={plan.reviewStatus} />
          </Group>
        }
      >
        <Text>
          {plan.effectiveOn ? `In force since ${formatDate(plan.effectiveOn)}. ` : ''}
          {plan.reviewDueOn ? `Review due ${formatDate(plan.reviewDueOn)}.` : ''}
        </Text>
        <PlanView plan={plan} />
      </Section>
      <Section heading="Clinician signature">
        <PlanSignatures plan={plan} />
      </Section>
      <Section heading="Patient signature">
        <PatientSignaturePanel plan={plan} />
      </Section>
    </>
  );
}

/** A draft not open in the editor, or a version awaiting co-signature. */
function DraftSummary({ draft }: { draft: TreatmentPlanDto }) {
  const cosign = useCosignPlan(draft.id);
  const heading = draft.status === 'draft' ? `Draft: version ${draft.version}` : `Version ${draft.version}`;
  return (
    <Section heading={heading} status={<PlanStatusBadge status={draft.status} />}>
      {draft.status === 'draft' ? (
        <Text>
          {draft.author ? `${draft.author.name} is writing this version` : 'This version is being written'};
          last saved {formatWhen(draft.updatedAt)}.{draft.canEdit ? ' Use “Continue draft” to edit it.' : ''}
        </Text>
      ) : (
        <Stack>
          <PlanView plan={draft} />
          <PlanSignatures plan={draft} />
          {draft.canCosign && (
            <Group>
              <Button
                loading={cosign.isPending}
                onClick={() =>
                  cosign.mutate(undefined, {
                    onSuccess: () => notifications.show({ color: 'green', message: 'Plan co-signed.' }),
                  })
                }
              >
                Co-sign plan
              </Button>
            </Group>
          )}
          <ErrorAlert error={cosign.error} />
        </Stack>
      )}
    </Section>
  );
}

function VersionView({ id }: { id: string }) {
  const plan = usePlan(id);
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Loader size="sm" aria-label="Loading version" />;
  return (
    <Stack gap="sm" mt="md" aria-label={`Version ${plan.data.version}`} role="region">
      <Group gap="xs">
        <Text fw={700}>Version {plan.data.version}</Text>
        <PlanStatusBadge status={plan.data.status} />
      </Group>
      <PlanView plan={plan.data} />
      <PlanSignatures plan={plan.data} />
      {plan.data.patientSignature && <PatientSignaturePanel plan={plan.data} />}
    </Stack>
  );
}

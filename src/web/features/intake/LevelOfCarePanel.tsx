import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import {
  LEVEL_OF_CARE_LABELS,
  recommendLevelOfCare,
  type LevelOfCare,
  type LevelOfCareRecommendation,
} from '../../../domain/level-of-care/rules.js';
import { LICENSED_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasAnyRole } from '../patients/access.js';
import { isPipelineStage } from './pipeline.js';
import { RadioFieldset, YES_NO_OPTIONS } from '../../components/RadioFieldset.js';
import { Section } from '../../components/Section.js';
import { LEVEL_OF_CARE_CRISIS_STEPS } from '../safety/crisis.js';
import { useDecideLevelOfCare, type DecisionBody } from './intake-api.js';
import { LevelOfCareDecisions } from './LevelOfCareDecisions.js';
import {
  emptyAssessment,
  LEVEL_OPTIONS,
  LEVEL_SHORT_LABELS,
  SCALE_FIELDS,
  toAssessment,
  unansweredCount,
  YES_NO_FIELDS,
  type AssessmentFormValues,
} from './level-of-care-form.js';

/** The referral's level-of-care decisions, and the assessment that makes a new one. */
export function LevelOfCarePanel({ referral }: { referral: ReferralDetailDto }) {
  const me = useSignedInMe();
  const [assessing, setAssessing] = useState(false);
  const hasDecisions = referral.decisions.length > 0;
  const canDecide = hasAnyRole(me.roles, LICENSED_ROLES) && isPipelineStage(referral.status);
  const open = assessing || !hasDecisions;

  if (!canDecide) {
    return (
      <Section heading="Level of care">
        {hasDecisions ? (
          <LevelOfCareDecisions decisions={referral.decisions} />
        ) : (
          <Text size="sm">No decision yet. A licensed clinician records the level-of-care decision.</Text>
        )}
      </Section>
    );
  }

  return (
    <Section heading="Level of care">
      {hasDecisions && <LevelOfCareDecisions decisions={referral.decisions} />}
      {open ? (
        <AssessmentForm
          referralId={referral.id}
          onDone={() => setAssessing(false)}
          onCancel={hasDecisions ? () => setAssessing(false) : undefined}
        />
      ) : (
        <Button variant="default" onClick={() => setAssessing(true)} style={{ alignSelf: 'flex-start' }}>
          Record a new assessment
        </Button>
      )}
    </Section>
  );
}

const ASAM_DIMENSIONS = [1, 2, 3, 4, 5, 6] as const;
const RATING_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...[0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) })),
];
const EDITION_OPTIONS = [
  { value: '3' as const, label: '3rd edition' },
  { value: '4' as const, label: '4th edition' },
];

interface AsamValues {
  level: string;
  edition: '3' | '4' | '';
  ratings: string[];
}

function asamProblem(asam: AsamValues): string | null {
  if (!/^\d(\.\d{1,2})?$/.test(asam.level.trim())) return 'Enter an ASAM level code such as 2.1.';
  if (!asam.edition) return 'Choose the ASAM edition.';
  if (asam.ratings.some((r) => r === '')) return 'Rate all six dimensions from 0 to 4.';
  return null;
}

function AssessmentForm({
  referralId,
  onDone,
  onCancel,
}: {
  referralId: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const decide = useDecideLevelOfCare(referralId);
  const [values, setValues] = useState<AssessmentFormValues>(emptyAssessment);
  const [overriding, setOverriding] = useState(false);
  const [chosen, setChosen] = useState<LevelOfCare | ''>('');
  const [justification, setJustification] = useState('');
  const [withAsam, setWithAsam] = useState(false);
  const [asam, setAsam] = useState<AsamValues>({
    level: '2.1',
    edition: '',
    ratings: ['', '', '', '', '', ''],
  });
  const [problem, setProblem] = useState<string | null>(null);

  const assessment = toAssessment(values);
  const recommendation = assessment ? recommendLevelOfCare(assessment) : null;
  const set = <K extends keyof AssessmentFormValues>(key: K, value: AssessmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = (override: boolean) => {
    setProblem(null);
    if (!assessment || !recommendation) {
      setProblem('Answer every question first.');
      return;
    }
    const body: DecisionBody = { assessment, chosenLevel: recommendation.level };
    if (override) {
      if (!chosen || chosen === recommendation.level) {
        setProblem('Choose a level different from the recommendation.');
        return;
      }
      if (!justification.trim()) {
        setProblem('Explain why a different level is right for this person.');
        return;
      }
      body.chosenLevel = chosen;
      body.overrideJustification = justification.trim();
    }
    if (withAsam) {
      const asamError = asamProblem(asam);
      if (asamError) {
        setProblem(asamError);
        return;
      }
      body.asam = {
        level: asam.level.trim(),
        edition: asam.edition as '3' | '4',
        dimensionRatings: asam.ratings.map(Number),
      };
    }
    decide.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: `Level-of-care decision saved: ${LEVEL_SHORT_LABELS[body.chosenLevel]}.`,
        });
        onDone();
      },
    });
  };

  return (
    <Stack gap="md">
      <Fieldset legend="Assessment">
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {SCALE_FIELDS.map((field) => (
              <NativeSelect
                key={field.key}
                label={field.label}
                required
                data={[{ value: '', label: 'Choose…' }, ...field.options]}
                value={values[field.key]}
                onChange={(e) => set(field.key, e.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
            {YES_NO_FIELDS.map((field) => (
              <RadioFieldset
                key={field.key}
                legend={field.label}
                description={field.optional ? 'Optional: leave unanswered if not assessed.' : undefined}
                options={YES_NO_OPTIONS}
                value={values[field.key]}
                onChange={(value) => set(field.key, value)}
                required={!field.optional}
                inline
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Recommendation recommendation={recommendation} unanswered={unansweredCount(values)} />

      {recommendation && (
        <Stack gap="sm">
          <Checkbox
            label="Also record an ASAM level (optional)"
            checked={withAsam}
            onChange={(e) => setWithAsam(e.currentTarget.checked)}
          />
          {withAsam && (
            <Fieldset legend="ASAM record">
              <Stack>
                <Group align="flex-start">
                  <TextInput
                    label="ASAM level code"
                    description="For example 2.1 (intensive outpatient)"
                    value={asam.level}
                    onChange={(e) => setAsam({ ...asam, level: e.currentTarget.value })}
                    w={200}
                  />
                  <RadioFieldset
                    legend="ASAM Criteria edition"
                    options={EDITION_OPTIONS}
                    value={asam.edition}
                    onChange={(edition) => setAsam({ ...asam, edition })}
                    inline
                    required
                  />
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
                  {ASAM_DIMENSIONS.map((dimension, i) => (
                    <NativeSelect
                      key={dimension}
                      label={`Dimension ${dimension}`}
                      description="Rating 0–4"
                      data={RATING_OPTIONS}
                      value={asam.ratings[i]}
                      onChange={(e) => {
                        const ratings = [...asam.ratings];
                        ratings[i] = e.currentTarget.value;
                        setAsam({ ...asam, ratings });
                      }}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            </Fieldset>
          )}

          {overriding ? (
            <Fieldset legend="Choose a different level">
              <Stack>
                <NativeSelect
                  label="Level of care chosen"
                  required
                  data={[
                    { value: '', label: 'Choose…' },
                    ...LEVEL_OPTIONS.filter((o) => o.value !== recommendation.level),
                  ]}
                  value={chosen}
                  onChange={(e) => setChosen(e.currentTarget.value as LevelOfCare | '')}
                  maw={420}
                />
                <Textarea
                  label="Why a different level (required)"
                  description="Your clinical reasoning for not following the recommendation."
                  required
                  autosize
                  minRows={3}
                  value={justification}
                  onChange={(e) => setJustification(e.currentTarget.value)}
                />
                <ProblemAndError problem={problem} error={decide.error} />
                <Group>
                  <Button loading={decide.isPending} onClick={() => save(true)}>
                    Save decision with override
                  </Button>
                  <Button variant="default" onClick={() => setOverriding(false)}>
                    Back to the recommendation
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          ) : (
            <>
              <ProblemAndError problem={problem} error={decide.error} />
              <Group>
                <Button loading={decide.isPending} onClick={() => save(false)}>
                  Accept recommendation
                </Button>
                <Button variant="default" onClick={() => setOverriding(true)}>
                  Choose a different level
                </Button>
                {onCancel && (
                  <Button variant="subtle" onClick={onCancel}>
                    Cancel
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      )}
      {!recommendation && onCancel && (
        <Button variant="subtle" onClick={onCancel} style={{ alignSelf: 'flex-start' }}>
          Cancel
        </Button>
      )}
    </Stack>
  );
}

function ProblemAndError({ problem, error }: { problem: string | null; error: unknown }) {
  return (
    <>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <ErrorAlert error={error} />
    </>
  );
}

/** The live recommendation, computed in the browser by the same rules the server applies on save. */
function Recommendation({
  recommendation,
  unanswered,
}: {
  recommendation: LevelOfCareRecommendation | null;
  unanswered: number;
}) {
  return (
    <Paper withBorder p="md" radius="md" bg={recommendation ? 'indigo.0' : 'gray.0'}>
      <Stack gap="sm">
        {/* Announced when the recommended level changes, not at every answer. */}
        <div aria-live="polite">
          <Title order={3} size="h4">
            {recommendation
              ? `Recommended: ${LEVEL_SHORT_LABELS[recommendation.level]}`
              : 'Recommendation: answer every question first'}
          </Title>
        </div>
        {!recommendation && <Text size="sm">{unanswered} still to answer.</Text>}
        {recommendation && (
          <>
            <Text>{LEVEL_OF_CARE_LABELS[recommendation.level]}</Text>
            {recommendation.crisis && (
              <Alert color="red" variant="filled" role="alert" title={LEVEL_OF_CARE_CRISIS_STEPS.headline}>
                <ol style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {LEVEL_OF_CARE_CRISIS_STEPS.steps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </Alert>
            )}
            <Text fw={600}>Why</Text>
            <List spacing={4} aria-label="Reasons for the recommendation">
              {recommendation.reasons.map((reason) => (
                <List.Item key={reason.code}>{reason.text}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed">
              Ruleset {recommendation.rulesetVersion}. A recommendation only: the decision is yours.
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

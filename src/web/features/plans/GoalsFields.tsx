import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  SCORE_TARGET_OPTIONS,
  localToday,
  newGoal,
  newObjective,
  problemLabel,
  type GoalDraft,
  type ObjectiveDraft,
  type PlanDraft,
} from './plan-draft.js';

interface GoalsFieldsProps {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  onBlur: () => void;
  errors: Readonly<Record<string, string>>;
}

/** Goals in the patient's words, the problems each addresses, and their time-bound objectives. */
export function GoalsFields({ draft, onChange, onBlur, errors }: GoalsFieldsProps) {
  const setGoal = (id: string, patch: Partial<GoalDraft>) =>
    onChange({ ...draft, goals: draft.goals.map((g) => (g.id === id ? { ...g, ...patch } : g)) });
  const removeGoal = (id: string) =>
    onChange({
      ...draft,
      goals: draft.goals.filter((g) => g.id !== id),
      interventions: draft.interventions.map((i) => ({ ...i, goalIds: i.goalIds.filter((x) => x !== id) })),
    });

  return (
    <Stack>
      {errors.goals && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors.goals}
        </Text>
      )}
      {draft.goals.length === 0 && <Text size="sm">No goals yet.</Text>}
      {draft.goals.map((goal, index) => {
        const name = `Goal ${index + 1}`;
        const setObjective = (id: string, patch: Partial<ObjectiveDraft>) =>
          setGoal(goal.id, {
            objectives: goal.objectives.map((o) => (o.id === id ? { ...o, ...patch } : o)),
          });
        return (
          <Fieldset key={goal.id} legend={name}>
            <Stack gap="sm">
              <Textarea
                label="In the patient's own words"
                aria-label={`In the patient's own words, ${name}`}
                description="What the patient wants, as they said it"
                autosize
                minRows={2}
                maxLength={2000}
                value={goal.statement}
                error={errors[`${goal.id}.statement`] ?? errors[goal.id]}
                onChange={(e) => setGoal(goal.id, { statement: e.currentTarget.value })}
                onBlur={onBlur}
              />
              <Checkbox.Group
                label={`Problems ${name.toLowerCase()} addresses`}
                value={goal.problemIds}
                error={errors[`${goal.id}.problemIds`]}
                onChange={(problemIds) => setGoal(goal.id, { problemIds })}
              >
                <Stack gap={6} mt={4}>
                  {draft.problems.length === 0 && <Text size="sm">Add a problem first.</Text>}
                  {draft.problems.map((p, i) => (
                    <Checkbox key={p.id} value={p.id} label={problemLabel(p, i)} />
                  ))}
                </Stack>
              </Checkbox.Group>

              <Text fw={600} size="sm">
                Objectives
              </Text>
              {errors[`${goal.id}.objectives`] && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {errors[`${goal.id}.objectives`]}
                </Text>
              )}
              {goal.objectives.map((objective, oi) => {
                const oname = `objective ${oi + 1} of ${name.toLowerCase()}`;
                return (
                  <Fieldset key={objective.id} legend={`Objective ${oi + 1}`} variant="filled">
                    <Stack gap="sm">
                      <Textarea
                        label="Objective"
                        aria-label={`Objective, ${oname}`}
                        description="Measurable and time-bound: what the patient will do, by when"
                        autosize
                        minRows={1}
                        maxLength={2000}
                        value={objective.description}
                        error={errors[`${objective.id}.description`] ?? errors[objective.id]}
                        onChange={(e) => setObjective(objective.id, { description: e.currentTarget.value })}
                        onBlur={onBlur}
                      />
                      <SimpleGrid cols={{ base: 1, sm: 3 }}>
                        <TextInput
                          label="Target date"
                          aria-label={`Target date, ${oname}`}
                          type="date"
                          required
                          value={objective.targetDate}
                          error={errors[`${objective.id}.targetDate`]}
                          onChange={(e) => setObjective(objective.id, { targetDate: e.currentTarget.value })}
                          onBlur={onBlur}
                        />
                        <Select
                          label="Score target (optional)"
                          aria-label={`Score target (optional), ${oname}`}
                          placeholder="No score target"
                          data={SCORE_TARGET_OPTIONS}
                          clearable
                          value={objective.instrumentId}
                          error={
                            errors[`${objective.id}.scoreTarget`] ??
                            errors[`${objective.id}.scoreTarget.instrumentId`]
                          }
                          onChange={(instrumentId) => setObjective(objective.id, { instrumentId })}
                        />
                        {objective.instrumentId && (
                          <NumberInput
                            label="Below"
                            aria-label={`Score below, ${oname}`}
                            description="The total to get under"
                            min={1}
                            max={200}
                            allowDecimal={false}
                            value={objective.below}
                            error={
                              errors[`${objective.id}.below`] ?? errors[`${objective.id}.scoreTarget.below`]
                            }
                            onChange={(v) =>
                              setObjective(objective.id, { below: typeof v === 'number' ? v : '' })
                            }
                            onBlur={onBlur}
                          />
                        )}
                      </SimpleGrid>
                      <Group>
                        <Button
                          variant="subtle"
                          color="red"
                          c="red.9"
                          size="compact-sm"
                          onClick={() =>
                            setGoal(goal.id, {
                              objectives: goal.objectives.filter((o) => o.id !== objective.id),
                            })
                          }
                        >
                          Remove {oname}
                        </Button>
                      </Group>
                    </Stack>
                  </Fieldset>
                );
              })}
              <Group>
                <Button
                  variant="default"
                  onClick={() =>
                    setGoal(goal.id, { objectives: [...goal.objectives, newObjective(localToday())] })
                  }
                >
                  Add objective to {name.toLowerCase()}
                </Button>
                <Button variant="subtle" color="red" c="red.9" onClick={() => removeGoal(goal.id)}>
                  Remove {name.toLowerCase()}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            onChange({ ...draft, goals: [...draft.goals, newGoal(draft.problems, localToday())] })
          }
        >
          Add goal
        </Button>
      </Group>
    </Stack>
  );
}

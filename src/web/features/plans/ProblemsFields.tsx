import { Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { DiagnosisPicker } from './DiagnosisPicker.js';
import { newProblem, type PlanDraft, type ProblemDraft } from './plan-draft.js';

interface ProblemsFieldsProps {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  onBlur: () => void;
  errors: Readonly<Record<string, string>>;
}

/** Problems: what the plan is for, each with its diagnoses. */
export function ProblemsFields({ draft, onChange, onBlur, errors }: ProblemsFieldsProps) {
  const set = (index: number, patch: Partial<ProblemDraft>) =>
    onChange({
      ...draft,
      problems: draft.problems.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    });
  const remove = (id: string) =>
    onChange({
      ...draft,
      problems: draft.problems.filter((p) => p.id !== id),
      goals: draft.goals.map((g) => ({ ...g, problemIds: g.problemIds.filter((x) => x !== id) })),
    });

  return (
    <Stack>
      {errors.problems && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors.problems}
        </Text>
      )}
      {draft.problems.map((problem, index) => {
        const name = `Problem ${index + 1}`;
        return (
          <Fieldset key={problem.id} legend={name}>
            <Stack gap="sm">
              <Textarea
                label="Problem statement"
                aria-label={`Problem statement, ${name}`}
                description="What brings the patient to treatment, in clinical words"
                autosize
                minRows={2}
                maxLength={2000}
                value={problem.statement}
                error={errors[`${problem.id}.statement`] ?? errors[problem.id]}
                onChange={(e) => set(index, { statement: e.currentTarget.value })}
                onBlur={onBlur}
              />
              <DiagnosisPicker
                about={name}
                value={problem.diagnoses}
                error={errors[`${problem.id}.diagnoses`]}
                onChange={(diagnoses) => {
                  set(index, { diagnoses });
                }}
              />
              <Group>
                <Button variant="subtle" color="red" c="red.9" onClick={() => remove(problem.id)}>
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
          onClick={() => onChange({ ...draft, problems: [...draft.problems, newProblem()] })}
        >
          Add problem
        </Button>
      </Group>
    </Stack>
  );
}

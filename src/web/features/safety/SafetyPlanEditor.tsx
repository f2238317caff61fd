import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import type { SafetyPlanDto } from '../../../contracts/safety-plans.js';
import {
  SAFETY_PLAN_SECTIONS,
  type SafetyPlanReviewReason,
  type SafetyPlanSection,
} from '../../../domain/safety/safety-plan.js';
import { ApiError } from '../../app/api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioFieldset } from '../../components/RadioFieldset.js';
import { useSaveSafetyPlan } from './safety-plan-api.js';
import {
  MAX_NAME_LENGTH,
  MAX_PHONE_LENGTH,
  MAX_TEXT_LENGTH,
  REASON_OPTIONS,
  addEntry,
  canAdd,
  ENTRY_NOUNS,
  defaultReason,
  entryName,
  fieldError,
  formProblems,
  initialForm,
  isContactSection,
  removeEntry,
  saveBody,
  serverPlanErrors,
  setContact,
  setText,
  type ContactSectionKey,
  type PlanErrors,
  type SafetyPlanForm,
  type TextSectionKey,
} from './safety-plan-form.js';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface EditorProps {
  patientId: string;
  plan: SafetyPlanDto;
  /** The safety alert that prompted this update (`?alert=`), sent with the new version. */
  alertId: string | null;
  /** Saved (with the new version number) or cancelled (null). */
  onDone: (savedVersion: number | null) => void;
}

/**
 * The plan as a form to fill in with the patient: each section a list of lines in their own words,
 * added and removed one at a time; the 988 Lifeline is always there. Saving writes a new version.
 */
export function SafetyPlanEditor({ patientId, plan, alertId, onDone }: EditorProps) {
  const save = useSaveSafetyPlan(patientId);
  const baseId = useId();
  const [form, setForm] = useState<SafetyPlanForm>(() => initialForm(plan));
  const [reason, setReason] = useState<SafetyPlanReviewReason>(() => defaultReason(plan, alertId));
  const [dirty, setDirty] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<PlanErrors>({});
  const [confirmCancel, setConfirmCancel] = useState(false);
  // A new object per request, so asking to focus the same element twice still moves focus.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const problems = useMemo(() => formProblems(form), [form]);
  const problemList = Object.values(problems);
  // Problems show on their fields once a save was tried; the server's only until the next change.
  const errors: PlanErrors = { ...serverErrors, ...(tried ? problems : {}) };

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  // Leaving the page with unsaved lines asks first: the plan may have taken a while to write.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: SafetyPlanForm) => {
    setForm(next);
    setDirty(true);
    setServerErrors({});
  };

  const add = (key: SafetyPlanSection['key']) => {
    const next = addEntry(form, key);
    const row = next[key].at(-1);
    change(next);
    // The new line's first field, ready to type into.
    if (row) setFocusRequest({ id: `${baseId}-${row.id}` });
  };

  const remove = (key: SafetyPlanSection['key'], index: number) => {
    change(removeEntry(form, key, index));
    // The removed line's button is gone: focus stays in the section, on its Add button.
    setFocusRequest({ id: `${baseId}-add-${key}` });
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (problemList.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    const { body, rows } = saveBody(form, reason, alertId);
    save.mutate(body, {
      onSuccess: (version) => {
        setDirty(false);
        notifications.show({ color: 'green', message: `Safety plan saved as version ${version.version}.` });
        onDone(version.version);
      },
      onError: (error) => {
        if (error instanceof ApiError) setServerErrors(serverPlanErrors(error.fieldErrors, rows));
      },
    });
  };

  const cancel = () => (dirty ? setConfirmCancel(true) : onDone(null));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${baseId}-title`}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} size="h3" id={`${baseId}-title`}>
            {plan.current ? 'Update the safety plan' : 'Write a safety plan'}
          </Title>
          <Text size="lg">
            Fill this in together with the patient, in their own words. Add as many lines as help; empty lines
            are left out when you save.
          </Text>
        </Stack>
        {SAFETY_PLAN_SECTIONS.map((section, n) => (
          <SectionEditor
            key={section.key}
            baseId={baseId}
            number={n + 1}
            section={section}
            form={form}
            errors={errors}
            onChange={change}
            onAdd={() => add(section.key)}
            onRemove={(index) => remove(section.key, index)}
          />
        ))}
        <Paper withBorder p="md" radius="md">
          <Stack>
            <RadioFieldset
              legend="Why is this version being written?"
              options={REASON_OPTIONS}
              value={reason}
              onChange={setReason}
              error={errors.reason}
              required
            />
            {alertId && (
              <Text size="sm">This version will be linked to the safety alert that prompted the review.</Text>
            )}
            <div ref={summaryRef} tabIndex={-1}>
              {problemList.length > 0 ? (
                <Alert
                  color={tried ? 'red' : 'yellow'}
                  variant="light"
                  title={tried ? 'The plan cannot be saved yet' : 'Still to do before saving'}
                >
                  <List size="sm" spacing={2}>
                    {problemList.map((message) => (
                      <List.Item key={message}>{message}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : (
                <Text size="sm">Every section has something in it: the plan is ready to save.</Text>
              )}
            </div>
            {save.error instanceof ApiError && save.error.fieldErrors.length > 0 ? (
              <ErrorAlert error={save.error} title="The plan was not saved" />
            ) : (
              <ErrorAlert error={save.error} />
            )}
            {serverErrors.content && <Text c="var(--mantine-color-error)">{serverErrors.content}</Text>}
            <Group justify="flex-end">
              <Button variant="default" size="md" onClick={cancel}>
                Cancel
              </Button>
              <Button type="submit" size="md" loading={save.isPending}>
                Save safety plan
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
      <ConfirmDialog
        opened={confirmCancel}
        title="Discard your changes?"
        message="The lines you added or changed have not been saved. The plan stays as it was."
        confirmLabel="Discard changes"
        danger
        pending={false}
        error={null}
        onConfirm={() => {
          setConfirmCancel(false);
          onDone(null);
        }}
        onClose={() => setConfirmCancel(false)}
      />
    </form>
  );
}

interface SectionEditorProps {
  baseId: string;
  number: number;
  section: SafetyPlanSection;
  form: SafetyPlanForm;
  errors: PlanErrors;
  onChange: (form: SafetyPlanForm) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

function SectionEditor({
  baseId,
  number,
  section,
  form,
  errors,
  onChange,
  onAdd,
  onRemove,
}: SectionEditorProps) {
  const { key } = section;
  const headingId = `${baseId}-${key}-heading`;
  const promptId = `${baseId}-${key}-prompt`;
  const sectionError = errors[key];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {number}. {section.title}
        </Title>
        <Text size="lg" id={promptId}>
          {section.prompt}
        </Text>
        {isContactSection(key) ? (
          <ContactRows
            baseId={baseId}
            sectionKey={key}
            form={form}
            errors={errors}
            onChange={onChange}
            onRemove={onRemove}
          />
        ) : (
          <TextRows
            baseId={baseId}
            sectionKey={key}
            form={form}
            errors={errors}
            onChange={onChange}
            onRemove={onRemove}
          />
        )}
        {sectionError && (
          <Text c="var(--mantine-color-error)" fw={600}>
            {sectionError}
          </Text>
        )}
        <Button
          id={`${baseId}-add-${key}`}
          variant="light"
          size="md"
          style={{ alignSelf: 'flex-start' }}
          onClick={onAdd}
          disabled={!canAdd(form, key)}
        >
          Add {ENTRY_NOUNS[key]}
        </Button>
      </Stack>
    </Paper>
  );
}

interface RowsProps<K> {
  baseId: string;
  sectionKey: K;
  form: SafetyPlanForm;
  errors: PlanErrors;
  onChange: (form: SafetyPlanForm) => void;
  onRemove: (index: number) => void;
}

function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <Button variant="default" size="md" onClick={onClick} aria-label={`Remove ${name}`}>
      Remove
    </Button>
  );
}

function TextRows({ baseId, sectionKey, form, errors, onChange, onRemove }: RowsProps<TextSectionKey>) {
  return (
    <Stack gap="sm">
      {form[sectionKey].map((row, i) => (
        <Group key={row.id} align="flex-end" wrap="nowrap" gap="sm">
          <Textarea
            id={`${baseId}-${row.id}`}
            label={capitalize(entryName(sectionKey, i))}
            size="md"
            autosize
            minRows={1}
            maxLength={MAX_TEXT_LENGTH}
            style={{ flex: 1 }}
            value={row.text}
            error={fieldError(errors, sectionKey, i)}
            onChange={(event) => onChange(setText(form, sectionKey, i, event.currentTarget.value))}
          />
          <RemoveButton name={entryName(sectionKey, i)} onClick={() => onRemove(i)} />
        </Group>
      ))}
    </Stack>
  );
}

function ContactRows({ baseId, sectionKey, form, errors, onChange, onRemove }: RowsProps<ContactSectionKey>) {
  return (
    <Stack gap="sm">
      {form[sectionKey].map((row, i) => {
        const name = entryName(sectionKey, i);
        if (row.fixed) {
          return (
            <Paper key={row.id} withBorder p="sm" radius="sm" bg="var(--mantine-color-blue-light)">
              <Group gap="xs">
                <Text fw={700} size="lg">
                  {row.name}
                </Text>
                <Text size="lg">{row.phone}</Text>
                <Badge variant="filled" color="blue.9">
                  Always on the plan
                </Badge>
              </Group>
              {row.note && <Text>{row.note}</Text>}
              {fieldError(errors, sectionKey, i) && (
                <Text c="var(--mantine-color-error)">{fieldError(errors, sectionKey, i)}</Text>
              )}
            </Paper>
          );
        }
        const set = (field: 'name' | 'phone' | 'note') => (event: ChangeEvent<HTMLInputElement>) =>
          onChange(setContact(form, sectionKey, i, { [field]: event.currentTarget.value }));
        return (
          <Fieldset key={row.id} legend={capitalize(name)} variant="filled" radius="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                id={`${baseId}-${row.id}`}
                label="Name"
                aria-label={`Name, ${name}`}
                size="md"
                maxLength={MAX_NAME_LENGTH}
                style={{ flex: '2 1 14rem' }}
                value={row.name}
                error={fieldError(errors, sectionKey, i, 'name')}
                onChange={set('name')}
              />
              <TextInput
                label="Phone"
                aria-label={`Phone, ${name}`}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                size="md"
                maxLength={MAX_PHONE_LENGTH}
                style={{ flex: '1 1 10rem' }}
                value={row.phone}
                error={fieldError(errors, sectionKey, i, 'phone')}
                onChange={set('phone')}
              />
              <TextInput
                label="Note"
                aria-label={`Note, ${name}`}
                size="md"
                maxLength={MAX_TEXT_LENGTH}
                style={{ flex: '2 1 14rem' }}
                value={row.note}
                error={fieldError(errors, sectionKey, i, 'note')}
                onChange={set('note')}
              />
            </Group>
            <Group justify="flex-end" mt="xs">
              <RemoveButton name={name} onClick={() => onRemove(i)} />
            </Group>
          </Fieldset>
        );
      })}
    </Stack>
  );
}

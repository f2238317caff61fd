import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { NoteDto } from '../../../contracts/notes.js';
import { ApiError } from '../../app/api.js';
import { Section } from '../../components/Section.js';
import { PlanGoalPicker } from '../plans/PlanGoalPicker.js';
import { AttendeesEditor } from './AttendeesEditor.js';
import { within } from './field-errors.js';
import { MedicationEditor } from './MedicationEditor.js';
import { useSaveNote, useSignNote } from './notes-api.js';
import { RiskCheckFields } from './RiskCheckFields.js';
import { SaveStatus } from './SaveStatus.js';
import { SectionFields } from './SectionFields.js';
import { SignPanel } from './SignPanel.js';
import {
  draftFromNote,
  mapNoteErrors,
  medicationMessages,
  noteSaveBody,
  sectionsOf,
  type NoteDraft,
  type NoteErrors,
} from './note-draft.js';
import { useAttestation } from './use-sign-form.js';
import { useAutosave } from './use-autosave.js';

const NO_ERRORS: NoteErrors = { fields: {}, other: [] };

/** A draft note: its sections, risk check, attendees or medication changes, saved as you type. */
export function NoteDraftEditor({ note }: { note: NoteDto }) {
  const save = useSaveNote(note.id);
  const sign = useSignNote(note.id);
  const [draft, setDraft] = useState<NoteDraft>(() => draftFromNote(note));
  const autosave = useAutosave((d: NoteDraft) => save.mutateAsync(noteSaveBody(note, d)));
  const attestation = useAttestation();
  const [errors, setErrors] = useState<NoteErrors>(NO_ERRORS);
  const [messages, setMessages] = useState<string[]>([]);

  const update = (patch: Partial<NoteDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    autosave.change(next);
  };
  const flush = () => void autosave.flush();
  const medication = draft.medication ? medicationMessages(draft.medication) : {};
  const fields = { ...medication, ...errors.fields };

  const submit = async () => {
    const medicationProblems = Object.keys(medication).length > 0;
    setMessages(medicationProblems ? ['Correct the medication entries marked below.'] : []);
    if (!attestation.confirm() || medicationProblems) return;
    if (!(await autosave.flush())) return;
    sign.mutate(
      { attestation: true },
      {
        onSuccess: (signed) => {
          notifications.show({
            color: 'green',
            message: signed.status === 'signed' ? 'Note signed.' : 'Note signed; it now awaits co-signature.',
          });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const mapped = mapNoteErrors(error.fieldErrors, draft);
          setErrors(mapped);
          setMessages(mapped.other);
        },
      },
    );
  };

  return (
    <>
      <SaveStatus state={autosave.state} />
      <Section heading="Note">
        <Stack>
          <SectionFields
            sections={sectionsOf(note.template)}
            values={draft.body}
            errors={within(fields, 'body')}
            onChange={(key, value) => update({ body: { ...draft.body, [key]: value } })}
            onBlur={flush}
          />
          {note.kind === 'family' && (
            <AttendeesEditor
              rows={draft.attendees}
              error={fields.attendees}
              onChange={(attendees) => update({ attendees })}
              onBlur={flush}
            />
          )}
          {draft.medication && (
            <MedicationEditor
              value={draft.medication}
              errors={fields}
              onChange={(value) => update({ medication: value })}
              onBlur={flush}
            />
          )}
          <RiskCheckFields value={draft} errors={fields} onChange={(risk) => update(risk)} onBlur={flush} />
          <PlanGoalPicker
            planGoals={note.planGoals}
            value={draft.goalIds ?? []}
            onChange={(goalIds) => update({ goalIds })}
            onBlur={flush}
          />
        </Stack>
      </Section>
      <Section heading="Sign">
        <SignPanel
          attested={attestation.attested}
          onAttest={attestation.set}
          attestError={attestation.error}
          messages={messages}
          error={sign.error}
          pending={sign.isPending}
          label="Sign note"
          onSign={() => void submit()}
        />
      </Section>
    </>
  );
}

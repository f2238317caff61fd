import { Badge } from '@mantine/core';
import { NOTE_STATUS_LABELS, type NoteDto } from '../../../contracts/notes.js';

/** A note's status, with "Late entry" when it was signed late. */
export function NoteStatusBadges({ status, lateEntry }: { status: NoteDto['status']; lateEntry: boolean }) {
  return (
    <>
      <Badge
        variant={status === 'draft' ? 'light' : 'filled'}
        color={status === 'signed' ? 'teal.9' : status === 'draft' ? 'gray' : 'yellow.4'}
        autoContrast
        size="lg"
      >
        {NOTE_STATUS_LABELS[status]}
      </Badge>
      {lateEntry && (
        <Badge variant="outline" color="red.9" size="lg">
          Late entry
        </Badge>
      )}
    </>
  );
}

/** A 42 CFR Part 2 record: disclosures need the patient's consent and carry the notice. */
export function Part2Badge() {
  return (
    <Badge variant="outline" color="grape.9" size="lg">
      42 CFR Part 2
    </Badge>
  );
}

import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import type { NoteHeaderDto } from '../../../contracts/notes.js';
import { formatDay } from '../scheduling/dates.js';

/** Who, when, where and what service: the note's header as its PDF and claim will show it. */
export function NoteHeaderList({ header, author }: { header: NoteHeaderDto; author: string }) {
  const code = header.suggestedCode;
  const rows: [string, ReactNode][] = [
    ['Date and time', `${formatDay(header.date)} · ${header.start}–${header.end}`],
    ['Minutes attended', header.minutes === null ? 'Not recorded' : `${header.minutes} minutes`],
    ['Service', header.serviceLabel],
    ['Suggested code', code ? `${code.code} ${code.description} (${code.reason})` : 'None'],
    ['Clinician', header.clinician || author],
    ['Location', header.telehealth ? `${header.location} (telehealth)` : header.location],
    ['MRN', header.mrn],
  ];
  return (
    <DataList labelWidth="12rem">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

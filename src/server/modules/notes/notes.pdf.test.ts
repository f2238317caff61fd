import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderNotesPdf, type NotePdfEntry, type NotesPdfInput } from './notes.pdf.js';

const PART2_NOTICE =
  'This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). ' +
  'The federal rules prohibit you from making any further disclosure of this record unless expressly permitted.';
const PART2_SHORT = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

const groupNote: NotePdfEntry = {
  title: 'Group psychotherapy note',
  header: [
    { label: 'Patient', value: 'Zoë Renée O’Brien' },
    { label: 'Date', value: '2026-11-27' },
    { label: 'Time', value: '09:00–12:00 EST' },
    { label: 'Service', value: 'IOP group, H0015' },
    { label: 'Clinician', value: 'Theo Therapist, LCSW' },
  ],
  sections: [
    { label: 'Data', text: 'Client’s mood “improving” – reports café job interview.\nSecond paragraph.' },
    { label: 'Assessment', text: 'Mood 5→7; ā ł 中 🙂\tend\u200b; co\u00adping.' },
    { label: 'Plan', text: 'Continue group.' },
  ],
  signature: 'Signed by Theo Therapist, LCSW on 2026-11-27 18:05 EST (SHA-256 ab12cd34)',
  cosignature: 'Co-signed by Dana Director, MD on 2026-11-28 08:00 EST',
  lateEntry: true,
  addenda: [
    {
      author: 'Theo Therapist, LCSW',
      at: '2026-11-29 10:00 EST',
      reason: 'Clarification',
      text: 'Patient attended the full session.',
    },
  ],
};

const individualNote: NotePdfEntry = {
  title: 'Individual therapy note (DAP)',
  header: [{ label: 'Date', value: '2026-11-26' }],
  sections: [{ label: 'Response', text: 'Engaged well.' }],
  signature: null,
  addenda: [],
};

const baseInput: NotesPdfInput = {
  organizationName: 'Riverbend Recovery',
  patient: { name: 'Zoë Renée O’Brien', mrn: 'MRN-000123', dateOfBirth: '1990-04-02' },
  range: 'Notes from 2026-11-01 to 2026-11-27',
  generatedAt: '2026-11-30 09:15 EST',
  generatedBy: 'Rita Records',
  entries: [groupNote, individualNote],
  part2Notice: PART2_NOTICE,
};

/** The raw PDF streams, inflated where they are Flate-compressed. */
function pdfStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = re.exec(raw); match !== null; match = re.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    streams.push(
      (match[1] ?? '').includes('/FlateDecode')
        ? inflateSync(bytes).toString('latin1')
        : bytes.toString('latin1'),
    );
    re.lastIndex = end;
  }
  return streams;
}

// Windows-1252 (WinAnsi) bytes 0x80–0x9F; the rest is Latin-1. Node's TextDecoder('windows-1252') decodes as
// plain Latin-1, so it cannot be used here.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];
const decodeWinAnsi = (bytes: Buffer) =>
  String.fromCodePoint(
    ...[...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || 0xfffd : b)),
  );

/**
 * The text shown by the standard-font content streams. pdfkit writes text as `[<hex> kern <hex> …] TJ`,
 * one WinAnsi byte per character, one TJ per pdfmake inline (a word with its trailing space).
 */
function pdfText(pdf: Buffer): { text: string; hexStrings: string[] } {
  let text = '';
  const hexStrings: string[] = [];
  for (const stream of pdfStreams(pdf)) {
    for (const tj of stream.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
        hexStrings.push(hex[1] ?? '');
        text += decodeWinAnsi(Buffer.from(hex[1] ?? '', 'hex'));
      }
    }
  }
  return { text, hexStrings };
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;

describe('renderNotesPdf', () => {
  it('renders a complete PDF with the header, notes, addenda and Part 2 notice as text', async () => {
    const pdf = await renderNotesPdf(baseInput);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageCount(pdf)).toBe(1);

    const { text, hexStrings } = pdfText(pdf);
    // Every glyph string is whole bytes: nothing outside WinAnsi reached pdfkit.
    expect(hexStrings.length).toBeGreaterThan(50);
    expect(hexStrings.every((hex) => hex.length % 2 === 0)).toBe(true);

    for (const expected of [
      'Riverbend Recovery',
      'Zoë Renée O’Brien',
      'MRN-000123',
      '1990-04-02',
      'Notes from 2026-11-01 to 2026-11-27',
      'Group psychotherapy note',
      'Individual therapy note (DAP)',
      'Late entry',
      'Assessment',
      'Client’s mood “improving” – reports café job interview.',
      'Second paragraph.',
      'Signed by Theo Therapist, LCSW on 2026-11-27 18:05 EST (SHA-256 ab12cd34)',
      'Co-signed by Dana Director, MD',
      'Draft: not signed',
      'Addenda',
      'Addendum by Theo Therapist, LCSW on 2026-11-29 10:00 EST',
      'Reason: Clarification',
      'Patient attended the full session.',
      'federal confidentiality rules (42 CFR part 2)',
      PART2_SHORT,
      'Page 1 of 1 · Confidential patient information',
    ]) {
      expect(text).toContain(expected);
    }
    // Outside WinAnsi: mapped (→, ā, tab), dropped (zero-width space, soft hyphen) or replaced with '?'.
    expect(text).toContain('Mood 5->7; a ? ? ?    end; coping.');
  });

  it('prints the Part 2 notice and the late-entry marker only when asked to', async () => {
    const pdf = await renderNotesPdf({
      ...baseInput,
      entries: [{ ...groupNote, lateEntry: false }, individualNote],
      part2Notice: null,
    });
    const { text } = pdfText(pdf);
    expect(text).toContain('Zoë Renée O’Brien');
    expect(text).not.toContain('Late entry');
    expect(text).not.toContain('42 CFR');
    expect(text).not.toContain('federal confidentiality rules');
  });

  it('breaks a long note across pages and numbers every page', async () => {
    const paragraphs = Array.from(
      { length: 200 },
      (_, i) => `Paragraph ${i + 1}: the patient discussed coping skills, triggers and sleep at some length.`,
    );
    const pdf = await renderNotesPdf({
      ...baseInput,
      entries: [{ ...individualNote, sections: [{ label: 'Data', text: paragraphs.join('\n') }] }],
    });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const { text } = pdfText(pdf);
    expect(text).toContain('Paragraph 1: ');
    expect(text).toContain('Paragraph 200: ');
    expect(text).toContain(`Page ${pages} of ${pages} · Confidential patient information`);
    expect(text.split(PART2_SHORT).length - 1).toBe(pages);
  });
});

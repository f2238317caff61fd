import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/**
 * Clinical notes as a PDF, rendered on the server with pdfmake (pdfkit underneath).
 *
 * Fonts are the 14 standard PDF fonts (Helvetica family), so no font files are read. Those fonts are
 * WinAnsi-encoded: pdfkit writes each character's code as hex and garbles anything outside WinAnsi
 * (it does not pad or range-check), so every string goes through `toWinAnsi` first. pdfmake may fetch
 * URLs and read local files for fonts and images; both are denied here, since this document uses neither.
 */

export interface NotePdfEntry {
  title: string;
  header: { label: string; value: string }[];
  sections: { label: string; text: string }[];
  signature: string | null;
  cosignature?: string | null;
  lateEntry?: boolean;
  addenda: { author: string; at: string; reason: string; text: string }[];
}

export interface NotesPdfInput {
  /** 'Clinical notes' unless given (e.g. 'Safety plan'). */
  title?: string;
  organizationName: string;
  patient: { name: string; mrn: string; dateOfBirth: string };
  range: string;
  generatedAt: string;
  generatedBy: string;
  entries: NotePdfEntry[];
  /** When any entry is a 42 CFR Part 2 record: the redisclosure notice text, printed prominently on the first page and in every page footer (short form) */
  part2Notice: string | null;
}

/** The abbreviated notice that 42 CFR 2.32(a)(2) permits; the full notice is on the first page. */
const PART2_SHORT_NOTICE = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

const FONT_FAMILY = 'Helvetica';
const MARGIN = 54;
const CONTENT_WIDTH = 612 - 2 * MARGIN; // US Letter is 612 × 792 pt
// Fixed widths (less cell padding), not '*': pdfmake widens a star column to fit an unbreakable word such
// as a hash, and the table then runs off the page; a fixed width makes it break the word instead.
const LABEL_VALUE_WIDTHS = [130, CONTENT_WIDTH - 130 - 12];
const STANDARD_FONTS: readonly string[] = [
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
];

// Unicode code points outside Latin-1 that WinAnsi (Windows-1252) has, as pdfkit's own map lists them.
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
  0x2122,
]);

// Characters with a readable stand-in (or none: a soft hyphen would print as a hyphen).
const REPLACEMENTS: Record<string, string> = {
  '\t': '    ',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2023': '\u2022',
  '\u2043': '-',
  '\u25cf': '\u2022',
  '\u25e6': '\u2022',
  '\u2027': '\u00b7',
  '\u2219': '\u00b7',
  '\u02bc': '\u2019',
  '\u2028': '\n',
  '\u2029': '\n',
};

const isWinAnsi = (cp: number): boolean =>
  cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);

const allWinAnsi = (text: string): boolean => {
  for (const char of text) if (!isWinAnsi(char.codePointAt(0) ?? 0)) return false;
  return true;
};

/**
 * Maps text onto what the standard PDF fonts can show: WinAnsi characters pass, a few others get a
 * stand-in, accented letters lose accents WinAnsi lacks (ā → a), invisible and control characters
 * are dropped, and anything else becomes '?'. Line breaks become '\n'.
 */
function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    const cp = char.codePointAt(0) ?? 0;
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (isWinAnsi(cp)) {
      out += char;
      continue;
    }
    // Control, format and zero-width characters (C0, DEL, C1, ZWJ, ZWSP, BOM…) and combining marks.
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /\p{Cf}|\p{Mn}/u.test(char)) continue;
    if (/\p{Zs}/u.test(char)) {
      out += ' ';
      continue;
    }
    // Compatibility decomposition without combining marks: ā → a, ﬁ → fi, ² → 2.
    const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += decomposed !== '' && allWinAnsi(decomposed) ? decomposed : '?';
  }
  return out;
}

const t = toWinAnsi;

function entryContent(entry: NotePdfEntry, index: number): Content[] {
  const content: Content[] = [
    {
      text: t(entry.title),
      style: 'entryTitle',
      headlineLevel: 1,
      margin: [0, index === 0 ? 6 : 18, 0, 4],
    },
  ];
  if (entry.lateEntry === true) {
    content.push({ text: 'Late entry', style: 'lateEntry', margin: [0, 0, 0, 4] });
  }
  if (entry.header.length > 0) {
    content.push({
      table: {
        widths: LABEL_VALUE_WIDTHS,
        body: entry.header.map((row) => [{ text: t(row.label), style: 'label' }, { text: t(row.value) }]),
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => '#bbbbbb',
        paddingLeft: (i) => (i === 0 ? 0 : 4),
      },
      margin: [0, 2, 0, 8],
    });
  }
  for (const section of entry.sections) {
    content.push(
      { text: t(section.label), style: 'sectionLabel', headlineLevel: 2 },
      { text: t(section.text), margin: [0, 0, 0, 6] },
    );
  }
  content.push(
    entry.signature === null
      ? { text: 'Draft: not signed', style: 'unsigned', margin: [0, 4, 0, 0] }
      : { text: t(entry.signature), style: 'signature', margin: [0, 4, 0, 0] },
  );
  if (entry.cosignature !== undefined && entry.cosignature !== null) {
    content.push({ text: t(entry.cosignature), style: 'signature' });
  }
  if (entry.addenda.length > 0) {
    content.push({ text: 'Addenda', style: 'addendaHeading', headlineLevel: 2 });
    for (const addendum of entry.addenda) {
      content.push({
        stack: [
          { text: t(`Addendum by ${addendum.author} on ${addendum.at}`), style: 'label' },
          { text: [{ text: 'Reason: ', style: 'emphasis' }, t(addendum.reason)] },
          { text: t(addendum.text), margin: [0, 2, 0, 0] },
        ],
        margin: [12, 0, 0, 8],
      });
    }
  }
  return content;
}

function buildNotesDocDefinition(input: NotesPdfInput): TDocumentDefinitions {
  const part2 = input.part2Notice;
  const content: Content[] = [
    { text: t(input.organizationName), style: 'organization' },
    { text: input.title ?? 'Clinical notes', style: 'documentTitle' },
    {
      table: {
        widths: LABEL_VALUE_WIDTHS,
        body: [
          [{ text: 'Patient', style: 'label' }, t(input.patient.name)],
          [{ text: 'MRN', style: 'label' }, t(input.patient.mrn)],
          [{ text: 'Date of birth', style: 'label' }, t(input.patient.dateOfBirth)],
          [{ text: 'Range', style: 'label' }, t(input.range)],
          [{ text: 'Generated', style: 'label' }, t(`${input.generatedAt} by ${input.generatedBy}`)],
        ],
      },
      layout: 'noBorders',
      margin: [0, 4, 0, 8],
    },
  ];
  if (part2 !== null) {
    content.push({
      table: {
        widths: [CONTENT_WIDTH - 12],
        body: [
          [
            {
              stack: [
                {
                  text: '42 CFR Part 2: notice of prohibition on redisclosure',
                  style: 'label',
                  margin: [0, 0, 0, 2],
                },
                { text: t(part2) },
              ],
              margin: [4, 4, 4, 4],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5 },
      margin: [0, 0, 0, 8],
    });
  }
  content.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.75 }] });
  if (input.entries.length === 0) {
    content.push({ text: 'No notes in this range.', style: 'emphasis', margin: [0, 8, 0, 0] });
  }
  input.entries.forEach((entry, index) => content.push(...entryContent(entry, index)));

  return {
    pageSize: 'LETTER',
    pageMargins: [MARGIN, MARGIN, MARGIN, part2 === null ? MARGIN : MARGIN + 12],
    info: { title: input.title ?? 'Clinical notes', creator: 'Trellis', producer: 'Trellis' },
    content,
    footer: (currentPage, pageCount) => ({
      stack: [
        { text: `Page ${currentPage} of ${pageCount} \u00b7 Confidential patient information` },
        ...(part2 === null ? [] : [{ text: PART2_SHORT_NOTICE, bold: true }]),
      ],
      fontSize: 8,
      alignment: 'center',
      margin: [MARGIN, 18, MARGIN, 0],
    }),
    // Keep headings with what follows them rather than alone at the foot of a page.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      label: { bold: true },
      emphasis: { italics: true },
      organization: { fontSize: 10, color: '#444444' },
      documentTitle: { fontSize: 16, bold: true, margin: [0, 2, 0, 2] },
      entryTitle: { fontSize: 13, bold: true },
      lateEntry: { bold: true, italics: true, color: '#8a1c1c' },
      sectionLabel: { bold: true, margin: [0, 4, 0, 1] },
      signature: { italics: true },
      unsigned: { italics: true, bold: true, color: '#8a1c1c' },
      addendaHeading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
    },
  };
}

export function renderNotesPdf(input: NotesPdfInput): Promise<Buffer> {
  const fonts: TFontDictionary = {
    [FONT_FAMILY]: {
      normal: 'Helvetica',
      bold: 'Helvetica-Bold',
      italics: 'Helvetica-Oblique',
      bolditalics: 'Helvetica-BoldOblique',
    },
  };
  // pdfmake is a process-wide singleton whose settings are read synchronously by createPdf, so set
  // them right before it: whatever another caller set cannot loosen this document's policy.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.includes(path));
  pdfmake.addFonts(fonts);
  return pdfmake.createPdf(buildNotesDocDefinition(input)).getBuffer();
}

/**
 * ICD-10-CM diagnosis codes for treatment-plan problems: the chapter "Mental, Behavioral and
 * Neurodevelopmental disorders" (F01–F99) only.
 *
 * A problem stores the FHIR coding `{ system: ICD10CM_SYSTEM, code, display }`, with the code in
 * its dotted form ('F33.1') and the display the official long title. ICD-10-CM (CDC/NCHS) is a US
 * government work in the public domain.
 *
 * - `normalizeFCode` checks the FORMAT of a code only; it does not say the code exists or is
 *   billable in a given year (only a code list can).
 * - `searchCodes` is a pure, in-memory search over a code list (the curated `F_CODES`, or the whole
 *   chapter loaded with `parseCdcCodeFile`).
 * - `parseCdcCodeFile` reads the CDC yearly release files ("icd10cm-codes-YYYY.txt" and
 *   "icd10cm-order-YYYY.txt"), keeping the F01–F99 codes that can be billed.
 */

/** FHIR `Coding.system` for ICD-10-CM. */
export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** One ICD-10-CM code: `code` with its dot (e.g. 'F33.1'), `display` its official long title. */
export interface DiagnosisCode {
  code: string;
  display: string;
}

/** 'F', a category 01–99, then optionally '.' and 1–4 characters (dot optional on input). */
const F_CODE = /^F(0[1-9]|[1-9][0-9])(?:\.?([0-9A-Z]{1,4}))?$/;

/**
 * Format check for a billable-looking code in F01–F99: 'F' + 2 digits, optional '.' + 1–4 of
 * [0-9A-Z]. Input is case-insensitive and surrounding whitespace is ignored. Returns the normalized
 * code (upper case, dot inserted after the 3rd character if missing, e.g. 'f331' → 'F33.1') or null
 * (not a string, not an F code, F00, a dangling dot, too long, other characters).
 */
export function normalizeFCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const match = F_CODE.exec(input.trim().toUpperCase());
  if (!match) return null;
  const [, category, rest] = match;
  return rest === undefined ? `F${category}` : `F${category}.${rest}`;
}

/**
 * Code order: plain code-point comparison of the dotted codes, which is the order of the CDC
 * tabular list (digits sort before letters, so 'F32.9' < 'F32.A', and 'F10.11' < 'F10.120').
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower case without diacritics ('Épisode' → 'episode'), so search is case- and accent-insensitive. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Each word of `text` (runs of letters and digits) with the offset where it starts. */
function wordsOf(text: string): { word: string; at: number }[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => ({ word: m[0], at: m.index }));
}

/** Results returned by `searchCodes` when the caller sets no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * Search `list` for `query`. A code matches when:
 * - the query is a prefix of the code, with or without the dot ('f33', 'F33.', 'F331', 'F33.1'
 *   all match 'F33.1'; a query typed with a dot must match the dotted code), or
 * - every word of the query is the start of some word of the display, in any order
 *   ('depress recur' matches 'Major depressive disorder, recurrent, mild').
 * Matching is case- and accent-insensitive. Code-prefix matches rank first; display matches
 * follow, ranked by the position in the display of the earliest matching word; ties keep code
 * order. At most `limit` results (a whole number ≥ 0; default 20). An empty or blank query
 * returns the first `limit` codes of the list, in list order.
 */
export function searchCodes(
  list: readonly DiagnosisCode[],
  query: string,
  limit: number = DEFAULT_SEARCH_LIMIT,
): DiagnosisCode[] {
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
  if (max === 0) return [];
  const q = fold(query).trim();
  if (q === '') return list.slice(0, max);

  const codeQuery = /\s/.test(q) ? null : q;
  const queryWords = wordsOf(q).map((w) => w.word);
  const ranked: { item: DiagnosisCode; rank: number }[] = [];
  for (const item of list) {
    const code = item.code.toLowerCase();
    if (
      codeQuery !== null &&
      (codeQuery.includes('.') ? code.startsWith(codeQuery) : code.replace('.', '').startsWith(codeQuery))
    ) {
      ranked.push({ item, rank: -1 });
      continue;
    }
    if (queryWords.length === 0) continue;
    const displayWords = wordsOf(fold(item.display));
    let first = Infinity;
    let all = true;
    for (const qw of queryWords) {
      const hit = displayWords.find((dw) => dw.word.startsWith(qw));
      if (!hit) {
        all = false;
        break;
      }
      first = Math.min(first, hit.at);
    }
    if (all) ranked.push({ item, rank: first });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareCodes(a.item.code, b.item.code));
  return ranked.slice(0, max).map((r) => r.item);
}

/** A code in the chapter F01–F99, as the CDC files write it (no dot). */
const CHAPTER_F = /^F(0[1-9]|[1-9][0-9])[0-9A-Z]{0,4}$/;
/** "icd10cm-codes" line: code (letter first, 3–7 characters), whitespace, title. */
const CODES_LINE = /^([A-Z][0-9A-Z]{2,6})\s+(\S.*)$/;
/** "icd10cm-order" line: starts with the 5-digit order number and a space (a code never does). */
const ORDER_LINE = /^[0-9]{5} /;

function dotted(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function malformed(lineNo: number, line: string, why: string): Error {
  const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
  return new Error(`ICD-10-CM file line ${lineNo} is malformed (${why}): "${shown}"`);
}

/**
 * Parse one "icd10cm-order" line: order number (columns 1–5), code padded to 7 (7–13), header
 * flag 0/1 (15), short title padded to 60 (17–76), long title (78 on). Null when it is not an
 * F01–F99 billable (flag 1) code.
 */
function parseOrderLine(line: string, lineNo: number): DiagnosisCode | null {
  if (line.length < 78 || line[5] !== ' ' || line[13] !== ' ' || line[15] !== ' ' || line[76] !== ' ') {
    throw malformed(lineNo, line, 'order-file columns');
  }
  const code = line.slice(6, 13).trimEnd();
  const flag = line[14];
  const display = line.slice(77).trim();
  if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code)) throw malformed(lineNo, line, 'code');
  if (flag !== '0' && flag !== '1') throw malformed(lineNo, line, 'header flag');
  if (display === '') throw malformed(lineNo, line, 'missing long title');
  if (flag !== '1' || !CHAPTER_F.test(code)) return null;
  return { code: dotted(code), display };
}

/**
 * Parse the CDC "icd10cm-codes-YYYY.txt" file (each line: code without dot, whitespace, long
 * title), keeping F01–F99 only and inserting the dot. Also accepts the "icd10cm-order-YYYY.txt"
 * format (5-digit order number, space, code padded to 7, space, 0/1 header flag, space, short title
 * padded to 60, space, long title), keeping only billable (flag 1) F codes with their long title.
 * The format is detected line by line; blank lines are skipped. Results keep file order.
 * Throws, naming the 1-based line number, on a line that fits neither format.
 */
export function parseCdcCodeFile(text: string): DiagnosisCode[] {
  const out: DiagnosisCode[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') return;
    if (ORDER_LINE.test(line)) {
      const parsed = parseOrderLine(line, lineNo);
      if (parsed) out.push(parsed);
      return;
    }
    const match = CODES_LINE.exec(line);
    if (!match) throw malformed(lineNo, line, 'expected "CODE title" or an order-file line');
    const [, code = '', title = ''] = match;
    if (CHAPTER_F.test(code)) out.push({ code: dotted(code), display: title.trim() });
  });
  return out;
}

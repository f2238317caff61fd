import { describe, expect, it } from 'vitest';
import { F_CODES } from './f-codes.js';
import {
  compareCodes,
  ICD10CM_SYSTEM,
  normalizeFCode,
  parseCdcCodeFile,
  searchCodes,
  type DiagnosisCode,
} from './icd10cm.js';

const codesOf = (list: readonly DiagnosisCode[]): string[] => list.map((c) => c.code);

describe('ICD10CM_SYSTEM', () => {
  it('is the HL7 FHIR system URI for ICD-10-CM', () => {
    expect(ICD10CM_SYSTEM).toBe('http://hl7.org/fhir/sid/icd-10-cm');
  });
});

describe('normalizeFCode', () => {
  it.each([
    ['F33.1', 'F33.1'],
    ['F32.A', 'F32.A'],
    ['F01.51', 'F01.51'],
    ['F10.230', 'F10.230'],
    ['F50.810', 'F50.810'],
    ['F29', 'F29'],
    ['F99', 'F99'],
    ['F10.2309', 'F10.2309'],
  ])('keeps a well-formed code %s', (input, expected) => {
    expect(normalizeFCode(input)).toBe(expected);
  });

  it.each([
    ['f33.1', 'F33.1'],
    ['f32.a', 'F32.A'],
    ['F32a', 'F32.A'],
    ['f331', 'F33.1'],
    ['F10230', 'F10.230'],
    ['f5081', 'F50.81'],
    ['f99', 'F99'],
    ['  F41.1\t', 'F41.1'],
  ])('normalizes %j to %s (case, missing dot, surrounding blanks)', (input, expected) => {
    expect(normalizeFCode(input)).toBe(expected);
  });

  it.each([
    ['G47.00', 'another chapter'],
    ['Z63.0', 'another chapter'],
    ['A00', 'another chapter'],
    ['F00', 'F00 is outside F01–F99'],
    ['F00.1', 'F00 is outside F01–F99'],
    ['F000', 'F00 is outside F01–F99'],
    ['F10.23091', 'more than 4 characters after the dot'],
    ['F1023091', 'more than 4 characters after the category'],
    ['F3', 'one digit only'],
    ['F', 'letter only'],
    ['F33.', 'dangling dot'],
    ['F33..1', 'two dots'],
    ['F3.31', 'dot in the wrong place'],
    ['F33-1', 'hyphen'],
    ['F33.1 x', 'trailing garbage'],
    ['FF33', 'garbage'],
    ['F3A.1', 'letter in the category'],
    ['F33.1é', 'non-ASCII character'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['depression', 'words'],
  ])('rejects %j (%s)', (input) => {
    expect(normalizeFCode(input)).toBeNull();
  });

  it('rejects non-string input at run time', () => {
    expect(normalizeFCode(undefined as unknown as string)).toBeNull();
    expect(normalizeFCode(331 as unknown as string)).toBeNull();
  });
});

describe('compareCodes', () => {
  it('orders as the CDC tabular list: digits before letters, shorter prefix first', () => {
    const shuffled = ['F32.A', 'F10.120', 'F32.9', 'F10.11', 'F10.139', 'F10.14', 'F32', 'F29'];
    expect([...shuffled].sort(compareCodes)).toEqual([
      'F10.11',
      'F10.120',
      'F10.139',
      'F10.14',
      'F29',
      'F32',
      'F32.9',
      'F32.A',
    ]);
    expect(compareCodes('F33.1', 'F33.1')).toBe(0);
  });
});

describe('searchCodes', () => {
  const LIST: readonly DiagnosisCode[] = [
    { code: 'F01.51', display: 'See F10 codes for alcohol' },
    { code: 'F10.10', display: 'Alcohol abuse, uncomplicated' },
    { code: 'F10.20', display: 'Alcohol dependence, uncomplicated' },
    { code: 'F32.A', display: 'Depression, unspecified' },
    { code: 'F33.0', display: 'Major depressive disorder, recurrent, mild' },
    { code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
    { code: 'F41.1', display: 'Generalized anxiety disorder' },
    { code: 'F41.9', display: 'Anxiety disorder, unspecified' },
    { code: 'F43.10', display: 'Post-traumatic stress disorder, unspecified' },
    { code: 'F43.22', display: 'Adjustment disorder with anxiety' },
    { code: 'F99', display: 'Épisode dépressif léger' },
  ];
  const search = (q: string, limit?: number) => codesOf(searchCodes(LIST, q, limit));

  describe('code prefix', () => {
    it('matches with or without the dot, in any case', () => {
      expect(search('F33.1')).toEqual(['F33.1']);
      expect(search('f331')).toEqual(['F33.1']);
      expect(search('F33')).toEqual(['F33.0', 'F33.1']);
      expect(search('f33.')).toEqual(['F33.0', 'F33.1']);
      expect(search('F4310')).toEqual(['F43.10']);
      expect(search('f32a')).toEqual(['F32.A']);
      expect(search('F4')).toEqual(['F41.1', 'F41.9', 'F43.10', 'F43.22']);
    });

    it('a dotted query must match the dotted code', () => {
      expect(search('F3.3')).toEqual([]);
      expect(search('F33.2')).toEqual([]);
    });

    it('trims the query', () => {
      expect(search('  F41.9 ')).toEqual(['F41.9']);
    });

    it('ranks code-prefix matches before display matches, whatever the code order', () => {
      expect(search('f10')).toEqual(['F10.10', 'F10.20', 'F01.51']);
    });
  });

  describe('display words', () => {
    it('matches a word prefix, not the middle of a word', () => {
      expect(search('depress')).toEqual(['F32.A', 'F33.0', 'F33.1', 'F99']);
      expect(search('ressive')).toEqual([]);
      expect(search('complicated')).toEqual([]);
    });

    it('needs every query word, in any order', () => {
      expect(search('recurrent major mild')).toEqual(['F33.0']);
      expect(search('mild major')).toEqual(['F33.0']);
      expect(search('alcohol dependence')).toEqual(['F10.20']);
      expect(search('alcohol remission')).toEqual([]);
    });

    it('splits on punctuation like the display does', () => {
      expect(search('post-traumatic')).toEqual(['F43.10']);
      expect(search('post traumatic')).toEqual(['F43.10']);
      expect(search('traumatic, stress')).toEqual(['F43.10']);
    });

    it('is case- and accent-insensitive both ways', () => {
      expect(search('EPISODE depressif')).toEqual(['F99']);
      expect(search('épisode LÉGER')).toEqual(['F99']);
      expect(search('dépression')).toEqual(['F32.A']);
      expect(search('ÀNXIÉTY')).toEqual(['F41.9', 'F41.1', 'F43.22']);
    });

    it('ranks by the position of the earliest matching word, ties in code order', () => {
      // 'Anxiety disorder…' (0) < 'Generalized anxiety…' (12) < 'Adjustment disorder with anxiety' (25)
      expect(search('anxiety')).toEqual(['F41.9', 'F41.1', 'F43.22']);
      // disorder at 8 (F41.9), 11 (F43.22), 17 (F33.0, F33.1: tie → code order), 20 (F41.1), 22 (F43.10)
      expect(search('disorder')).toEqual(['F41.9', 'F43.22', 'F33.0', 'F33.1', 'F41.1', 'F43.10']);
      // the earliest of the words counts: 'unspecified' is late but 'anxiety' starts F41.9
      expect(search('unspecified anxiety')).toEqual(['F41.9']);
      expect(search('uncomplicated')).toEqual(['F10.10', 'F10.20']);
    });

    it('returns nothing for a query that matches no code or word', () => {
      expect(search('schizophrenia')).toEqual([]);
      expect(search('!!!')).toEqual([]);
    });
  });

  describe('limit and empty queries', () => {
    it('returns the first `limit` codes of the list for an empty or blank query', () => {
      expect(search('', 3)).toEqual(['F01.51', 'F10.10', 'F10.20']);
      expect(search('   \t', 2)).toEqual(['F01.51', 'F10.10']);
      expect(search('')).toHaveLength(LIST.length);
    });

    it('defaults to 20 results', () => {
      expect(searchCodes(F_CODES, '')).toHaveLength(20);
      expect(searchCodes(F_CODES, 'F1').length).toBe(20);
    });

    it('cuts at the limit after ranking', () => {
      expect(search('anxiety', 2)).toEqual(['F41.9', 'F41.1']);
      expect(search('f10', 2)).toEqual(['F10.10', 'F10.20']);
      expect(search('disorder', 2.9)).toEqual(['F41.9', 'F43.22']);
    });

    it('returns nothing for a zero, negative or non-finite limit', () => {
      expect(search('anxiety', 0)).toEqual([]);
      expect(search('anxiety', -5)).toEqual([]);
      expect(search('anxiety', Number.NaN)).toEqual([]);
    });

    it('does not modify the list', () => {
      const copy = LIST.map((c) => ({ ...c }));
      search('disorder');
      expect(LIST).toEqual(copy);
    });
  });

  describe('on F_CODES', () => {
    it('finds the common IOP diagnoses by code and by words', () => {
      expect(codesOf(searchCodes(F_CODES, 'F33.1'))).toEqual(['F33.1']);
      expect(codesOf(searchCodes(F_CODES, 'generalized anxiety'))).toEqual(['F41.1']);
      expect(codesOf(searchCodes(F_CODES, 'grief'))).toEqual(['F43.81']);
      expect(codesOf(searchCodes(F_CODES, 'cannabis remission'))).toEqual(['F12.11', 'F12.21', 'F12.91']);
      expect(codesOf(searchCodes(F_CODES, 'binge eating disorder mild'))).toEqual(['F50.810']);
      expect(codesOf(searchCodes(F_CODES, 'borderline'))).toEqual(['F60.3']);
    });

    it('lists every alcohol code with code-prefix "F10" before any display match', () => {
      const all = searchCodes(F_CODES, 'f10', 100);
      expect(all.length).toBeGreaterThan(10);
      expect(all.every((c) => c.code.startsWith('F10.'))).toBe(true);
    });
  });
});

/** An "icd10cm-order" line: order number, code padded to 7, header flag, short title padded to 60, long title. */
const orderLine = (n: number, code: string, flag: number, short: string, long: string): string =>
  `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;

describe('parseCdcCodeFile: icd10cm-codes format', () => {
  const SAMPLE = [
    'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
    'F0150   Vascular dementia, unspecified severity, without behavioral disturbance',
    'F1010   Alcohol abuse, uncomplicated',
    'F10230  Alcohol dependence with withdrawal, uncomplicated',
    'F29     Unspecified psychosis not due to a substance or known physiological condition',
    'F32A    Depression, unspecified',
    'F99     Mental disorder, not otherwise specified',
    'G4700   Insomnia, unspecified',
    'Z630    Problems in relationship with spouse or partner',
  ].join('\n');

  it('keeps F01–F99 only, inserts the dot and keeps the title and file order', () => {
    expect(parseCdcCodeFile(SAMPLE)).toEqual([
      { code: 'F01.50', display: 'Vascular dementia, unspecified severity, without behavioral disturbance' },
      { code: 'F10.10', display: 'Alcohol abuse, uncomplicated' },
      { code: 'F10.230', display: 'Alcohol dependence with withdrawal, uncomplicated' },
      {
        code: 'F29',
        display: 'Unspecified psychosis not due to a substance or known physiological condition',
      },
      { code: 'F32.A', display: 'Depression, unspecified' },
      { code: 'F99', display: 'Mental disorder, not otherwise specified' },
    ]);
  });

  it('accepts any whitespace between code and title, CRLF, blank lines, a BOM and trailing blanks', () => {
    const text =
      '\uFEFFF411\tGeneralized anxiety disorder  \r\n\r\n   \r\nF4310 Post-traumatic stress disorder, unspecified\r\n';
    expect(parseCdcCodeFile(text)).toEqual([
      { code: 'F41.1', display: 'Generalized anxiety disorder' },
      { code: 'F43.10', display: 'Post-traumatic stress disorder, unspecified' },
    ]);
  });

  it('returns an empty list for an empty file or one without F codes', () => {
    expect(parseCdcCodeFile('')).toEqual([]);
    expect(parseCdcCodeFile('A000    Cholera\nG4700   Insomnia, unspecified\n')).toEqual([]);
  });

  it('leaves out F00-looking codes, which are not in the chapter', () => {
    expect(parseCdcCodeFile('F009    Not a real code\nF21     Schizotypal disorder')).toEqual([
      { code: 'F21', display: 'Schizotypal disorder' },
    ]);
  });

  it.each([
    ['F411', 'code without a title'],
    ['F41.1   Generalized anxiety disorder', 'dotted code'],
    ['f411    Generalized anxiety disorder', 'lower-case code'],
    ['F4    Too short', 'code too short'],
    ['F41123456 Too long', 'code too long'],
    ['  F411  Indented line', 'indented'],
    ['# comment', 'not a code'],
  ])('throws naming the line for a malformed line: %j (%s)', (bad) => {
    const text = ['F1010   Alcohol abuse, uncomplicated', '', bad, 'F99     Mental disorder'].join('\n');
    expect(() => parseCdcCodeFile(text)).toThrow(/line 3\b/);
  });
});

describe('parseCdcCodeFile: icd10cm-order format', () => {
  const SAMPLE = [
    orderLine(1, 'A00', 0, 'Cholera', 'Cholera'),
    orderLine(
      2,
      'A000',
      1,
      'Cholera due to Vibrio cholerae 01, biovar cholerae',
      'Cholera due to Vibrio cholerae 01, biovar cholerae',
    ),
    orderLine(3, 'F10', 0, 'Alcohol related disorders', 'Alcohol related disorders'),
    orderLine(4, 'F1010', 1, 'Alcohol abuse, uncomplicated', 'Alcohol abuse, uncomplicated'),
    orderLine(
      5,
      'F10232',
      1,
      'Alcohol dependence w withdrawal with perceptual disturbance',
      'Alcohol dependence with withdrawal with perceptual disturbance',
    ),
    orderLine(
      6,
      'F43',
      0,
      'Reaction to severe stress, and adjustment disorders',
      'Reaction to severe stress, and adjustment disorders',
    ),
    orderLine(7, 'F438', 0, 'Other reactions to severe stress', 'Other reactions to severe stress'),
    orderLine(8, 'F4381', 1, 'Prolonged grief disorder', 'Prolonged grief disorder'),
    orderLine(
      9,
      'F29',
      1,
      'Unsp psychosis not due to a substance or known physiol cond',
      'Unspecified psychosis not due to a substance or known physiological condition',
    ),
    orderLine(10, 'G4700', 1, 'Insomnia, unspecified', 'Insomnia, unspecified'),
  ].join('\n');

  it('builds lines in the CDC column layout', () => {
    const line = orderLine(4, 'F1010', 1, 'Alcohol abuse, uncomplicated', 'Alcohol abuse, uncomplicated');
    expect(line.slice(0, 16)).toBe('00004 F1010   1 ');
    expect(line.slice(76, 77)).toBe(' ');
    expect(line.slice(77)).toBe('Alcohol abuse, uncomplicated');
  });

  it('keeps billable (flag 1) F codes only, with the long title', () => {
    expect(parseCdcCodeFile(SAMPLE)).toEqual([
      { code: 'F10.10', display: 'Alcohol abuse, uncomplicated' },
      { code: 'F10.232', display: 'Alcohol dependence with withdrawal with perceptual disturbance' },
      { code: 'F43.81', display: 'Prolonged grief disorder' },
      {
        code: 'F29',
        display: 'Unspecified psychosis not due to a substance or known physiological condition',
      },
    ]);
  });

  it('accepts a short title that fills all 60 columns', () => {
    const short = 'x'.repeat(60);
    expect(parseCdcCodeFile(orderLine(1, 'F411', 1, short, 'Generalized anxiety disorder'))).toEqual([
      { code: 'F41.1', display: 'Generalized anxiety disorder' },
    ]);
  });

  it('detects the format per line, so both can be mixed', () => {
    const text = [
      orderLine(1, 'F411', 1, 'Generalized anxiety disorder', 'Generalized anxiety disorder'),
      'F419    Anxiety disorder, unspecified',
    ].join('\n');
    expect(codesOf(parseCdcCodeFile(text))).toEqual(['F41.1', 'F41.9']);
  });

  it.each([
    ['flag not 0/1', orderLine(3, 'F411', 2, 'Generalized anxiety disorder', 'Generalized anxiety disorder')],
    ['no long title', orderLine(3, 'F411', 1, 'Generalized anxiety disorder', '').trimEnd()],
    [
      'bad code',
      orderLine(3, 'F411', 1, 'Generalized anxiety disorder', 'x').replace(' F411   ', ' F411 ..'),
    ],
    ['columns not padded', '00003 F411 1 Generalized anxiety disorder Generalized anxiety disorder'],
    ['order number only', '00003'],
  ])('throws naming the line for a malformed order line (%s)', (_why, bad) => {
    const text = [
      orderLine(1, 'F1010', 1, 'Alcohol abuse, uncomplicated', 'Alcohol abuse, uncomplicated'),
      '',
      bad,
    ].join('\n');
    expect(() => parseCdcCodeFile(text)).toThrow(/line 3\b/);
  });

  it('names the right line number after blank lines and CRLF', () => {
    const text = `F1010   Alcohol abuse, uncomplicated\r\n\r\n\r\n\r\nnonsense`;
    expect(() => parseCdcCodeFile(text)).toThrow(/line 5\b/);
  });
});

describe('F_CODES', () => {
  it('has at least 150 codes and is frozen', () => {
    expect(F_CODES.length).toBeGreaterThanOrEqual(150);
    expect(Object.isFrozen(F_CODES)).toBe(true);
    expect(Object.isFrozen(F_CODES[0])).toBe(true);
  });

  it('is sorted by code, without duplicates', () => {
    const codes = codesOf(F_CODES);
    expect([...codes].sort(compareCodes)).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (let i = 1; i < codes.length; i++) expect(compareCodes(codes[i - 1] ?? '', codes[i] ?? '')).toBe(-1);
  });

  it('holds normalized codes within F01–F99', () => {
    for (const { code } of F_CODES) {
      expect(normalizeFCode(code), code).toBe(code);
      const category = Number(code.slice(1, 3));
      expect(category, code).toBeGreaterThanOrEqual(1);
      expect(category, code).toBeLessThanOrEqual(99);
    }
  });

  it('has a non-empty, trimmed, single-spaced display for each code', () => {
    for (const { code, display } of F_CODES) {
      expect(display.length, code).toBeGreaterThan(0);
      expect(display, code).toBe(display.trim());
      expect(display, code).not.toMatch(/\s{2}/);
    }
  });

  it('does not hold a code that is the parent of another (a header is not billable)', () => {
    const codes = codesOf(F_CODES);
    for (const parent of codes) {
      const child = codes.find((c) => c !== parent && c.replace('.', '').startsWith(parent.replace('.', '')));
      expect(child, `${parent} has a child`).toBeUndefined();
    }
  });

  it('covers the families an IOP needs', () => {
    const codes = new Set(codesOf(F_CODES));
    for (const code of [
      'F32.A',
      'F32.1',
      'F33.1',
      'F34.1',
      'F31.81',
      'F41.0',
      'F41.1',
      'F41.9',
      'F42.2',
      'F43.0',
      'F43.10',
      'F43.12',
      'F43.23',
      'F43.81',
      'F10.10',
      'F10.11',
      'F10.20',
      'F10.21',
      'F10.220',
      'F11.20',
      'F12.20',
      'F13.20',
      'F14.20',
      'F15.20',
      'F19.20',
      'F50.010',
      'F50.819',
      'F90.2',
      'F60.3',
      'F20.9',
      'F25.0',
      'F29',
      'F51.01',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('leaves out codes that are headers in the FY2025 code set', () => {
    const codes = new Set(codesOf(F_CODES));
    for (const header of [
      'F42',
      'F43.8',
      'F50.0',
      'F50.01',
      'F50.02',
      'F50.2',
      'F50.81',
      'F10.1',
      'F10.23',
    ]) {
      expect(codes.has(header), header).toBe(false);
    }
  });

  it('round-trips through the CDC codes-file format', () => {
    const text = F_CODES.map(({ code, display }) => `${code.replace('.', '').padEnd(7)} ${display}`).join(
      '\n',
    );
    expect(parseCdcCodeFile(text)).toEqual(F_CODES);
  });
});

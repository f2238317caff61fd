import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.js';

/** An independent RFC 4180 reader for one record (CR/LF inside quotes are data). */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        if (i < line.length && line[i] !== ',') throw new Error(`junk after closing quote at ${i}`);
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break at ${i}`);
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) throw new Error('unterminated quote');
  cells.push(cell);
  return cells;
}

describe('csvLine', () => {
  it('joins plain cells with commas and no quotes', () => {
    expect(csvLine(['Ada', 'Lovelace', 'clinician'])).toBe('Ada,Lovelace,clinician');
  });

  it('writes no cells as an empty line', () => {
    expect(csvLine([])).toBe('');
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvLine(['a', null, undefined, 'b'])).toBe('a,,,b');
  });

  describe('quoting (RFC 4180)', () => {
    it('quotes a cell containing a comma', () => {
      expect(csvLine(['Lovelace, Ada', 'x'])).toBe('"Lovelace, Ada",x');
    });

    it('quotes a cell containing a double quote and doubles the quote', () => {
      expect(csvLine(['say "hi"'])).toBe('"say ""hi"""');
      expect(csvLine(['"'])).toBe('""""');
    });

    it('quotes cells containing LF, CR or CRLF and keeps the line breaks', () => {
      expect(csvLine(['line1\nline2'])).toBe('"line1\nline2"');
      expect(csvLine(['line1\rline2'])).toBe('"line1\rline2"');
      expect(csvLine(['line1\r\nline2'])).toBe('"line1\r\nline2"');
    });

    it('leaves spaces and semicolons unquoted', () => {
      expect(csvLine([' padded ', 'a;b'])).toBe(' padded ,a;b');
    });
  });

  describe('formula injection', () => {
    it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)'])('prefixes %j with an apostrophe', (cell) => {
      expect(csvLine([cell])).toBe(`'${cell}`);
    });

    it('prefixes a cell starting with a tab', () => {
      expect(csvLine(['\t=1+1'])).toBe("'\t=1+1");
    });

    it('prefixes a cell starting with a carriage return, then quotes it', () => {
      expect(csvLine(['\r=1+1'])).toBe(`"'\r=1+1"`);
    });

    it('prefixes before quoting a formula that contains quotes and commas', () => {
      expect(csvLine(['=HYPERLINK("http://x.test","click")'])).toBe(
        `"'=HYPERLINK(""http://x.test"",""click"")"`,
      );
    });

    it('leaves a formula character in the middle of a cell alone', () => {
      expect(csvLine(['a=b', 'x-y', 'me@example.org'])).toBe('a=b,x-y,me@example.org');
    });

    it('prefixes text that looks like a negative number (text is not trusted)', () => {
      expect(csvLine(['-5'])).toBe("'-5");
    });
  });

  describe('numbers and booleans', () => {
    it('writes numbers and booleans as their plain text', () => {
      expect(csvLine([0, 42, 1.5, true, false])).toBe('0,42,1.5,true,false');
    });

    // A number is not user-entered text and cannot be a formula; an apostrophe would turn a
    // negative amount into text in a spreadsheet.
    it('writes a negative number without the formula prefix', () => {
      expect(csvLine([-5, -12.5])).toBe('-5,-12.5');
    });
  });

  describe('properties', () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", 'é'),
    });

    it('reads back as the same cells, with formula cells prefixed', () => {
      fc.assert(
        fc.property(
          fc.array(fc.option(cellText, { nil: undefined }), { minLength: 1, maxLength: 8 }),
          (cells) => {
            const expected = cells.map((c) => {
              const t = c ?? '';
              return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
            });
            expect(parseRecord(csvLine(cells))).toEqual(expected);
          },
        ),
      );
    });

    it('never yields a cell that a spreadsheet would start as a formula', () => {
      fc.assert(
        fc.property(fc.array(cellText, { minLength: 1, maxLength: 8 }), (cells) => {
          for (const cell of parseRecord(csvLine(cells))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    });
  });
});

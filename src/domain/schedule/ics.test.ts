import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtc, unfold } from './ics.js';
import type { IcsEvent } from './ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;
const NOW = new Date('2026-11-20T12:34:56.789Z');

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'session-1@trellis',
  start: new Date('2026-11-30T23:00:00Z'),
  end: new Date('2026-12-01T02:00:00Z'),
  summary: 'Evening IOP A',
  ...over,
});

const calendar = (events: IcsEvent[], name = 'Trellis – Jordan Lee') =>
  buildCalendar({ prodId: '-//Trellis//Schedule//EN', name, now: NOW, events });

/** Content lines after unfolding, without the CRLF terminators. */
const contentLines = (ics: string) => unfold(ics).split('\r\n').slice(0, -1);

describe('escapeText (RFC 5545 §3.3.11)', () => {
  it('escapes backslash, semicolon and comma', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
  });

  it('escapes backslash first so existing sequences are not double-read', () => {
    expect(escapeText('\\n')).toBe('\\\\n');
    expect(escapeText('\\;')).toBe('\\\\\\;');
  });

  it('turns LF and CRLF into \\n and strips lone CR', () => {
    expect(escapeText('line 1\nline 2\r\nline 3\rstill 3')).toBe('line 1\\nline 2\\nline 3still 3');
  });

  it('drops other control characters but keeps TAB, colon, quotes and non-ASCII', () => {
    expect(escapeText('a\u0000b\u0007c\u001fd\u007fe')).toBe('abcde');
    expect(escapeText('Room 2: "Oak"\tÉtage 1 🌿')).toBe('Room 2: "Oak"\tÉtage 1 🌿');
  });

  it('leaves plain text unchanged', () => {
    expect(escapeText('Relapse Prevention')).toBe('Relapse Prevention');
    expect(escapeText('')).toBe('');
  });
});

describe('foldLine (RFC 5545 §3.1)', () => {
  it('does not fold a line of exactly 75 octets', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets; continuation lines start with one space and hold at most 74 more', () => {
    const line = 'A'.repeat(75) + 'B'.repeat(74) + 'C'.repeat(10);
    const folded = foldLine(line);
    expect(folded.split('\r\n')).toEqual(['A'.repeat(75), ' ' + 'B'.repeat(74), ' ' + 'C'.repeat(10)]);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a 2-octet character (é) straddling the boundary', () => {
    const line = 'D'.repeat(74) + 'é' + 'tage';
    const parts = foldLine(line).split('\r\n');
    expect(parts).toEqual(['D'.repeat(74), ' étage']);
    expect(octets(parts[0]!)).toBe(74);
  });

  it('a 2-octet character that exactly fills the line stays on it', () => {
    const line = 'D'.repeat(73) + 'é' + 'x';
    expect(foldLine(line).split('\r\n')).toEqual(['D'.repeat(73) + 'é', ' x']);
  });

  it('never splits a 4-octet emoji (surrogate pair) at the boundary', () => {
    for (let pad = 70; pad <= 76; pad++) {
      const line = 'E'.repeat(pad) + '🌿🌿' + 'end';
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        expect(part).not.toContain('\uFFFD');
        // No lone surrogate: a split pair would not survive a UTF-8 round trip.
        expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
      }
      expect(unfold(folded)).toBe(line);
    }
  });

  it('handles long all-multibyte text (CJK 3 octets, emoji 4) within the limit and round-trips', () => {
    const line = 'DESCRIPTION:' + '治療グループ'.repeat(20) + '💬'.repeat(30);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('keeps combining sequences intact through a round trip even if split between code points', () => {
    const line = 'S'.repeat(74) + 'e\u0301' + 'x';
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('rejects a line that still contains a raw line break', () => {
    expect(() => foldLine('SUMMARY:a\nb')).toThrow(/CR or LF/);
  });

  it('returns the empty string for an empty line', () => {
    expect(foldLine('')).toBe('');
  });
});

describe('formatUtc', () => {
  it('writes UTC form YYYYMMDDTHHMMSSZ, dropping milliseconds', () => {
    expect(formatUtc(new Date('2026-03-08T07:05:09.999Z'))).toBe('20260308T070509Z');
  });
});

describe('buildCalendar', () => {
  it('produces the full structure with CRLF after every line, including the last', () => {
    const ics = calendar([event()]);
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Trellis//Schedule//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Trellis – Jordan Lee',
        'BEGIN:VEVENT',
        'UID:session-1@trellis',
        'DTSTAMP:20261120T123456Z',
        'DTSTART:20261130T230000Z',
        'DTEND:20261201T020000Z',
        'SUMMARY:Evening IOP A',
        'STATUS:CONFIRMED',
        'SEQUENCE:0',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('has no bare LF and no line over 75 octets', () => {
    const ics = calendar([
      event({
        summary: 'Skills group — émotions & régulation '.repeat(5),
        description: 'Bring your workbook;\nwe start on time, please 🙏\n'.repeat(5),
        location: 'Building 3, Room 2; 2nd floor',
      }),
    ]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('escapes TEXT properties and writes optional ones in order', () => {
    const ics = calendar([
      event({
        summary: 'Family Night, Part 2; bring family',
        location: 'Building 3, Room 2',
        description: 'Line one\nLine two \\ end',
        url: 'https://trellis.example/s/1?a=1,2;b=3',
        status: 'CANCELLED',
        sequence: 3,
        lastModified: new Date('2026-11-19T08:00:00Z'),
      }),
    ]);
    const lines = contentLines(ics);
    const vevent = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    expect(vevent).toEqual([
      'BEGIN:VEVENT',
      'UID:session-1@trellis',
      'DTSTAMP:20261120T123456Z',
      'DTSTART:20261130T230000Z',
      'DTEND:20261201T020000Z',
      'SUMMARY:Family Night\\, Part 2\\; bring family',
      'LOCATION:Building 3\\, Room 2',
      'DESCRIPTION:Line one\\nLine two \\\\ end',
      'URL:https://trellis.example/s/1?a=1,2;b=3',
      'STATUS:CANCELLED',
      'SEQUENCE:3',
      'LAST-MODIFIED:20261119T080000Z',
      'END:VEVENT',
    ]);
  });

  it('omits empty or null optional properties', () => {
    const ics = calendar([event({ location: null, description: '', url: null, lastModified: null })]);
    expect(ics).not.toMatch(/LOCATION|DESCRIPTION|URL:|LAST-MODIFIED/);
  });

  it('escapes the calendar name', () => {
    const ics = calendar([], 'Lee, Jordan; evenings');
    expect(contentLines(ics)).toContain('X-WR-CALNAME:Lee\\, Jordan\\; evenings');
  });

  it('an empty feed is still a valid calendar', () => {
    const lines = contentLines(calendar([]));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).not.toContain('BEGIN:VEVENT');
  });

  it('writes UTC instants across DST: the same 18:00 New York group is 23:00Z in winter, 22:00Z in summer', () => {
    const ics = calendar([
      event({ uid: 'a', start: new Date('2026-03-05T23:00:00Z'), end: new Date('2026-03-06T02:00:00Z') }),
      event({ uid: 'b', start: new Date('2026-03-09T22:00:00Z'), end: new Date('2026-03-10T01:00:00Z') }),
    ]);
    const lines = contentLines(ics);
    expect(lines.filter((l) => l.startsWith('DTSTART:'))).toEqual([
      'DTSTART:20260305T230000Z',
      'DTSTART:20260309T220000Z',
    ]);
  });

  it('keeps events in the given order, one VEVENT each', () => {
    const ics = calendar([event({ uid: 'x' }), event({ uid: 'y' }), event({ uid: 'z' })]);
    const uids = contentLines(ics).filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual(['UID:x', 'UID:y', 'UID:z']);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(3);
  });

  it('folds a long multibyte summary and unfolds back to the escaped value', () => {
    const summary = 'Grupo de prevención de recaídas — sesión de educación familiar 🌿 (ñ, ü, é)';
    const ics = calendar([event({ summary })]);
    expect(contentLines(ics)).toContain(`SUMMARY:${escapeText(summary)}`);
  });

  describe('rejects invalid input', () => {
    it('end not after start', () => {
      expect(() => calendar([event({ end: new Date('2026-11-30T23:00:00Z') })])).toThrow(
        /must be after start/,
      );
    });
    it('invalid dates', () => {
      expect(() => calendar([event({ start: new Date(NaN) })])).toThrow(/Invalid start/);
      expect(() => buildCalendar({ prodId: 'p', name: 'n', now: new Date(NaN), events: [] })).toThrow(
        /Invalid now/,
      );
    });
    it('empty or duplicate UIDs', () => {
      expect(() => calendar([event({ uid: ' ' })])).toThrow(/empty UID/);
      expect(() => calendar([event(), event()])).toThrow(/Duplicate event UID session-1@trellis/);
    });
    it('negative or fractional SEQUENCE', () => {
      expect(() => calendar([event({ sequence: -1 })])).toThrow(/SEQUENCE/);
      expect(() => calendar([event({ sequence: 1.5 })])).toThrow(/SEQUENCE/);
    });
    it('a URL that is not an absolute URI, or that would break the line', () => {
      expect(() => calendar([event({ url: '/relative/path' })])).toThrow(/URL/);
      expect(() => calendar([event({ url: 'https://x.example/a b' })])).toThrow(/URL/);
      expect(() => calendar([event({ url: 'https://x.example/\r\nX-INJECTED:1' })])).toThrow(/URL/);
    });
    it('an empty PRODID', () => {
      expect(() => buildCalendar({ prodId: '', name: 'n', now: NOW, events: [] })).toThrow(/PRODID/);
    });
  });

  it('a summary with a line break cannot inject a property', () => {
    const ics = calendar([event({ summary: 'Group\r\nSTATUS:CANCELLED' })]);
    expect(contentLines(ics).filter((l) => l.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED']);
    expect(contentLines(ics)).toContain('SUMMARY:Group\\nSTATUS:CANCELLED');
  });
});

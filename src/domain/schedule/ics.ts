/**
 * iCalendar (RFC 5545) feed text for a staff member's or a patient's schedule subscription.
 *
 * Choices, with the RFC sections they follow:
 * - Content lines end in CRLF, the last one included (§3.1).
 * - Lines longer than 75 octets are folded: CRLF followed by one space, the space counting
 *   towards the next line's 75 octets (§3.1). Octets are UTF-8 bytes, and a fold never splits a
 *   UTF-8 sequence (§3.1: "split a line between a multi-octet sequence" is not allowed).
 * - TEXT values escape backslash, ';' and ',' and encode line breaks as "\n" (§3.3.11).
 *   Carriage returns and other control characters except TAB are dropped (TSAFE-CHAR excludes CTLs).
 * - Date-times are written in UTC form "YYYYMMDDTHHMMSSZ" (§3.3.5 form #2); sub-second precision
 *   is truncated. UTC avoids shipping VTIMEZONE blocks, and calendar apps show local times.
 * - URL holds a URI (§3.8.4.6), which is not TEXT-escaped; it must parse as an absolute URL.
 * - METHOD:PUBLISH (RFC 5546 §3.2.1) marks a read-only published feed; X-WR-CALNAME is the de
 *   facto calendar display name read by Apple Calendar, Google Calendar and Outlook.
 * - A cancelled session stays in the feed with STATUS:CANCELLED and a higher SEQUENCE so that
 *   subscribers remove it (§3.8.1.11, §3.8.7.4).
 */

export interface IcsEvent {
  /** Globally unique and stable across feed refreshes, e.g. 'session-<id>@trellis'. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** Default 'CONFIRMED'. */
  status?: 'CONFIRMED' | 'CANCELLED';
  /** Revision number; default 0. */
  sequence?: number;
  lastModified?: Date | null;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * RFC 5545 TEXT escaping (§3.3.11): '\' → '\\', ';' → '\;', ',' → '\,', line break → '\n'.
 * CRLF and LF are line breaks; a lone CR and other control characters (except TAB) are removed.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** UTF-8 length of one code point (a lone surrogate is encoded as U+FFFD, 3 octets). */
function utf8Length(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (without its CRLF) so that no physical line exceeds 75 UTF-8 octets,
 * never splitting a character. Continuation lines start with one space (counted in the 75).
 * Physical lines are joined by CRLF; no trailing CRLF is added.
 */
export function foldLine(line: string): string {
  if (/[\r\n]/.test(line))
    throw new Error('A content line must not contain CR or LF; escape the value first');
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const len = utf8Length(char);
    if (octets + len > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += len;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** Inverse of folding (§3.1): removes every CRLF followed by a single space or tab. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

function checkInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time`);
  }
}

/** UTC date-time form, e.g. 20261130T230000Z (RFC 5545 §3.3.5, form #2). */
export function formatUtc(instant: Date): string {
  const iso = instant.toISOString(); // 2026-11-30T23:00:00.000Z
  if (!/^\d{4}-/.test(iso)) throw new Error(`Date ${iso} is outside years 0000–9999 and cannot be written`);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function checkUrl(url: string, uid: string): void {
  // eslint-disable-next-line no-control-regex
  let ok = !/[\s\x00-\x1f\x7f]/.test(url);
  if (ok) {
    try {
      new URL(url);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new Error(`Event ${uid}: URL "${url}" is not an absolute URI without spaces`);
}

/**
 * A complete VCALENDAR feed. Events appear in the given order. Throws on an empty or duplicate
 * UID, an invalid date, an end not after its start, a negative or fractional SEQUENCE, or an
 * invalid URL.
 */
export function buildCalendar(opts: {
  prodId: string;
  name: string;
  now: Date;
  events: readonly IcsEvent[];
}): string {
  checkInstant(opts.now, 'now');
  if (opts.prodId.trim() === '') throw new Error('PRODID must not be empty');
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
  ];
  const dtstamp = formatUtc(opts.now);
  const seen = new Set<string>();
  for (const [i, e] of opts.events.entries()) {
    if (e.uid.trim() === '') throw new Error(`Event ${i + 1} has an empty UID`);
    if (seen.has(e.uid)) throw new Error(`Duplicate event UID ${e.uid}`);
    seen.add(e.uid);
    checkInstant(e.start, `start of event ${e.uid}`);
    checkInstant(e.end, `end of event ${e.uid}`);
    if (e.end.getTime() <= e.start.getTime()) {
      throw new Error(
        `Event ${e.uid}: end ${e.end.toISOString()} must be after start ${e.start.toISOString()}`,
      );
    }
    const sequence = e.sequence ?? 0;
    if (!Number.isInteger(sequence) || sequence < 0) {
      throw new Error(`Event ${e.uid}: SEQUENCE ${String(sequence)} must be a non-negative whole number`);
    }

    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART:${formatUtc(e.start)}`,
      `DTEND:${formatUtc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) {
      checkUrl(e.url, e.uid);
      lines.push(`URL:${e.url}`);
    }
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, `SEQUENCE:${sequence}`);
    if (e.lastModified) {
      checkInstant(e.lastModified, `lastModified of event ${e.uid}`);
      lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => foldLine(l) + CRLF).join('');
}

/**
 * Signing rules for notes.
 *
 * Signed notes are immutable; a signature stores the signer, the time and a SHA-256 of the signed
 * content, and corrections are addenda (design.md §5; clinical-facts §7.2 [D] "lock on signature,
 * addenda only"). The hash is computed by the server over canonical JSON of the content.
 *
 * Late entries: some rules require a progress note before the next session of the same type
 * (WAC 388-877B-0350, clinical-facts §7.1 [C], state-specific); no general deadline is sourced, so
 * the 24-hour cut-off is our configurable default [D].
 */

/** [D] configurable: a note signed more than this many hours after the session ended is a late entry. */
export const DEFAULT_LATE_ENTRY_HOURS = 24;

const MS_PER_HOUR = 3_600_000;

function checkInstant(value: unknown, field: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time.`);
  }
}

/**
 * True when the note was signed strictly more than `lateAfterHours` after the session ended
 * (exactly 24 h later is on time). Signing before the session ended is not late.
 * Throws on invalid dates or hours that are not a finite number above 0.
 */
export function isLateEntry(
  sessionEndsAt: Date,
  signedAt: Date,
  lateAfterHours: number = DEFAULT_LATE_ENTRY_HOURS,
): boolean {
  checkInstant(sessionEndsAt, 'sessionEndsAt');
  checkInstant(signedAt, 'signedAt');
  if (typeof lateAfterHours !== 'number' || !Number.isFinite(lateAfterHours) || lateAfterHours <= 0) {
    throw new Error(`Invalid lateAfterHours ${String(lateAfterHours)}: must be a number of hours above 0.`);
  }
  return signedAt.getTime() - sessionEndsAt.getTime() > lateAfterHours * MS_PER_HOUR;
}

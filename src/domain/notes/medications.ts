/**
 * Medication changes recorded on a medication-management note, and the patient's active list that
 * results once the note is signed (domain.md: medication records come from medication-management
 * notes; FHIR MedicationStatement / MedicationRequest, clinical-facts §6).
 *
 * Design [D]:
 * - A change names one medication; a name appears once per note, so the order of changes within
 *   a note never matters.
 * - Starting or changing a dose needs the dose; stopping or changing a dose needs the reason.
 * - Names match after trimming, collapsing inner whitespace and folding case ("Sertraline" =
 *   " sertraline "). Drug vocabularies (RxNorm) are out of scope here.
 * - `continue` keeps the active entry exactly as it is (its `since` too); any dose, route or
 *   frequency written on a `continue` line is not applied: a change of dose is a `dose_change`.
 * - `dose_change` replaces the dose; route and frequency are replaced when given, else kept.
 */

export const MEDICATION_CHANGE_KINDS = ['start', 'stop', 'dose_change', 'continue'] as const;
export type MedicationChangeKind = (typeof MEDICATION_CHANGE_KINDS)[number];

export interface MedicationChange {
  kind: MedicationChangeKind;
  name: string;
  dose?: string | null;
  route?: string | null;
  frequency?: string | null;
  reason?: string | null;
}

export interface ActiveMedication {
  name: string;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  /** YYYY-MM-DD: the date of the note that started it or last changed its dose. */
  since: string;
}

/** [D] Longest medication name accepted. */
export const MAX_MEDICATION_NAME_LENGTH = 200;

const OPTIONAL_TEXT = ['dose', 'route', 'frequency', 'reason'] as const;

/** Trimmed text, or null when absent or blank. */
const clean = (value: string | null | undefined): string | null => {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
};

const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

function checkChangeShapes(changes: unknown): asserts changes is readonly MedicationChange[] {
  if (!Array.isArray(changes)) throw new Error('Invalid medication changes: expected an array.');
  changes.forEach((c: unknown, i) => {
    if (typeof c !== 'object' || c === null)
      throw new Error(`Invalid medication change ${i}: expected an object.`);
    const change = c as Record<string, unknown>;
    if (
      typeof change.kind !== 'string' ||
      !(MEDICATION_CHANGE_KINDS as readonly string[]).includes(change.kind)
    ) {
      throw new Error(
        `Invalid medication change ${i}: kind "${String(change.kind)}" is not one of ${MEDICATION_CHANGE_KINDS.join(', ')}.`,
      );
    }
    if (typeof change.name !== 'string')
      throw new Error(`Invalid medication change ${i}: name must be a string.`);
    for (const f of OPTIONAL_TEXT) {
      const v = change[f];
      if (v !== undefined && v !== null && typeof v !== 'string') {
        throw new Error(`Invalid medication change ${i}: ${f} must be text or null.`);
      }
    }
  });
}

/**
 * Checks a medication-management note's changes: name required (trimmed, ≤ 200 chars); start and
 * dose_change need a dose; stop and dose_change need a reason; a name appears once per note
 * (case-insensitive; the later line is flagged). Returns field-keyed messages
 * { 'changes.0.dose': 'Give the new dose.' }, empty when valid.
 * Throws when `changes` is not an array of change objects with a known kind and text fields.
 */
export function checkMedicationChanges(changes: readonly MedicationChange[]): Record<string, string> {
  checkChangeShapes(changes);
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const at = `changes.${i}`;
    const name = c.name.trim();
    if (name === '') errors[`${at}.name`] = 'Give the medication name.';
    else if (name.length > MAX_MEDICATION_NAME_LENGTH) {
      errors[`${at}.name`] = `Keep the name to ${MAX_MEDICATION_NAME_LENGTH} characters or fewer.`;
    } else if (seen.has(nameKey(name))) {
      errors[`${at}.name`] = 'This medication is already listed on this note.';
    }
    if (name !== '') seen.add(nameKey(name));
    if ((c.kind === 'start' || c.kind === 'dose_change') && clean(c.dose) === null) {
      errors[`${at}.dose`] = c.kind === 'start' ? 'Give the starting dose.' : 'Give the new dose.';
    }
    if ((c.kind === 'stop' || c.kind === 'dose_change') && clean(c.reason) === null) {
      errors[`${at}.reason`] =
        c.kind === 'stop' ? 'Give the reason for stopping.' : 'Give the reason for the change.';
    }
  });
  return errors;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: unknown, field: string): asserts value is string {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!m) throw new Error(`Invalid ${field} "${String(value)}": expected YYYY-MM-DD.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`Invalid ${field} "${value as string}": not a real calendar date.`);
  }
}

function checkActive(current: unknown): asserts current is readonly ActiveMedication[] {
  if (!Array.isArray(current)) throw new Error('Invalid active medications: expected an array.');
  const seen = new Set<string>();
  current.forEach((m: unknown, i) => {
    if (typeof m !== 'object' || m === null)
      throw new Error(`Invalid active medication ${i}: expected an object.`);
    const med = m as Record<string, unknown>;
    if (typeof med.name !== 'string' || med.name.trim() === '') {
      throw new Error(`Invalid active medication ${i}: name must be a non-empty string.`);
    }
    for (const f of ['dose', 'route', 'frequency'] as const) {
      if (med[f] !== null && typeof med[f] !== 'string') {
        throw new Error(`Invalid active medication "${med.name}": ${f} must be text or null.`);
      }
    }
    checkDate(med.since, `since of active medication "${med.name}"`);
    const key = nameKey(med.name);
    if (seen.has(key)) throw new Error(`Invalid active medications: "${med.name}" is listed more than once.`);
    seen.add(key);
  });
}

const byName = (a: ActiveMedication, b: ActiveMedication): number => {
  const x = nameKey(a.name);
  const y = nameKey(b.name);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The patient's active list after applying one signed note's changes on `date` (YYYY-MM-DD): start
 * adds (refused if already active: throw), stop removes (throw if not active), dose_change updates
 * dose/route/frequency and `since`, continue keeps (throw if not active). Names match
 * case-insensitively. Returns a new array sorted by name (case-insensitive); never mutates input.
 * Throws on an invalid date, a malformed or duplicated active list, or changes that fail
 * checkMedicationChanges (with its messages).
 */
export function applyMedicationChanges(
  current: readonly ActiveMedication[],
  changes: readonly MedicationChange[],
  date: string,
): ActiveMedication[] {
  checkDate(date, 'date');
  checkActive(current);
  const errors = checkMedicationChanges(changes);
  const problems = Object.entries(errors);
  if (problems.length > 0) {
    throw new Error(`Invalid medication changes: ${problems.map(([k, msg]) => `${k}: ${msg}`).join(' ')}`);
  }

  const active = new Map(current.map((m) => [nameKey(m.name), { ...m }] as const));
  for (const c of changes) {
    const name = c.name.trim();
    const key = nameKey(name);
    const existing = active.get(key);
    switch (c.kind) {
      case 'start':
        if (existing) throw new Error(`Cannot start ${name}: ${existing.name} is already active.`);
        active.set(key, {
          name,
          dose: clean(c.dose),
          route: clean(c.route),
          frequency: clean(c.frequency),
          since: date,
        });
        break;
      case 'stop':
        if (!existing) throw new Error(`Cannot stop ${name}: it is not on the active list.`);
        active.delete(key);
        break;
      case 'dose_change':
        if (!existing) throw new Error(`Cannot change the dose of ${name}: it is not on the active list.`);
        active.set(key, {
          ...existing,
          dose: clean(c.dose),
          route: clean(c.route) ?? existing.route,
          frequency: clean(c.frequency) ?? existing.frequency,
          since: date,
        });
        break;
      case 'continue':
        if (!existing) throw new Error(`Cannot continue ${name}: it is not on the active list.`);
        break;
    }
  }
  return [...active.values()].sort(byName);
}

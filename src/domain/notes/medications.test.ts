import { describe, expect, it } from 'vitest';
import {
  applyMedicationChanges,
  checkMedicationChanges,
  MAX_MEDICATION_NAME_LENGTH,
  MEDICATION_CHANGE_KINDS,
  type ActiveMedication,
  type MedicationChange,
} from './medications.js';

const SERTRALINE: ActiveMedication = {
  name: 'Sertraline',
  dose: '50 mg',
  route: 'oral',
  frequency: 'daily',
  since: '2026-01-05',
};
const TRAZODONE: ActiveMedication = {
  name: 'trazodone',
  dose: '50 mg',
  route: 'oral',
  frequency: 'at bedtime',
  since: '2026-02-01',
};
const DATE = '2026-03-09';

describe('checkMedicationChanges', () => {
  it('lists the kinds', () => {
    expect(MEDICATION_CHANGE_KINDS).toEqual(['start', 'stop', 'dose_change', 'continue']);
  });
  it('is empty for valid changes (and for none)', () => {
    expect(checkMedicationChanges([])).toEqual({});
    expect(
      checkMedicationChanges([
        { kind: 'start', name: 'Bupropion XL', dose: '150 mg', route: 'oral', frequency: 'every morning' },
        { kind: 'stop', name: 'Hydroxyzine', reason: 'Daytime sedation' },
        { kind: 'dose_change', name: 'Sertraline', dose: '100 mg', reason: 'Partial response' },
        { kind: 'continue', name: 'Trazodone' },
      ]),
    ).toEqual({});
  });
  it('requires a name (after trimming)', () => {
    expect(checkMedicationChanges([{ kind: 'continue', name: '   ' }])).toEqual({
      'changes.0.name': 'Give the medication name.',
    });
  });
  it('limits the name to 200 characters (after trimming)', () => {
    const ok = ` ${'a'.repeat(MAX_MEDICATION_NAME_LENGTH)} `;
    expect(checkMedicationChanges([{ kind: 'continue', name: ok }])).toEqual({});
    expect(checkMedicationChanges([{ kind: 'continue', name: 'a'.repeat(201) }])).toEqual({
      'changes.0.name': 'Keep the name to 200 characters or fewer.',
    });
  });
  it('start and dose_change need a dose', () => {
    expect(
      checkMedicationChanges([
        { kind: 'start', name: 'A' },
        { kind: 'dose_change', name: 'B', dose: '  ', reason: 'r' },
        { kind: 'stop', name: 'C', reason: 'r' },
        { kind: 'continue', name: 'D', dose: null },
      ]),
    ).toEqual({ 'changes.0.dose': 'Give the starting dose.', 'changes.1.dose': 'Give the new dose.' });
  });
  it('stop and dose_change need a reason', () => {
    expect(
      checkMedicationChanges([
        { kind: 'stop', name: 'A' },
        { kind: 'dose_change', name: 'B', dose: '10 mg', reason: ' ' },
        { kind: 'start', name: 'C', dose: '5 mg' },
      ]),
    ).toEqual({
      'changes.0.reason': 'Give the reason for stopping.',
      'changes.1.reason': 'Give the reason for the change.',
    });
  });
  it('reports every problem of a line', () => {
    expect(checkMedicationChanges([{ kind: 'dose_change', name: '' }])).toEqual({
      'changes.0.name': 'Give the medication name.',
      'changes.0.dose': 'Give the new dose.',
      'changes.0.reason': 'Give the reason for the change.',
    });
  });
  it('a name appears once per note, case- and space-insensitively; the later line is flagged', () => {
    expect(
      checkMedicationChanges([
        { kind: 'continue', name: 'Sertraline' },
        { kind: 'continue', name: 'Lithium' },
        { kind: 'stop', name: '  SERTRALINE ', reason: 'r' },
        { kind: 'continue', name: 'lithium' },
      ]),
    ).toEqual({
      'changes.2.name': 'This medication is already listed on this note.',
      'changes.3.name': 'This medication is already listed on this note.',
    });
    expect(
      checkMedicationChanges([
        { kind: 'continue', name: 'Bupropion XL' },
        { kind: 'continue', name: 'bupropion   xl' },
      ]),
    ).toEqual({ 'changes.1.name': 'This medication is already listed on this note.' });
  });
  it('throws on malformed input', () => {
    expect(() => checkMedicationChanges(null as never)).toThrow(/array/);
    expect(() => checkMedicationChanges([null as never])).toThrow(/change 0/);
    expect(() => checkMedicationChanges([{ kind: 'pause' as never, name: 'A' }])).toThrow(/kind "pause"/);
    expect(() => checkMedicationChanges([{ kind: 'start', name: 5 as never }])).toThrow(/name/);
    expect(() => checkMedicationChanges([{ kind: 'start', name: 'A', dose: 5 as never }])).toThrow(/dose/);
    expect(() => checkMedicationChanges([{ kind: 'stop', name: 'A', reason: {} as never }])).toThrow(
      /reason/,
    );
  });
});

describe('applyMedicationChanges', () => {
  it('start adds the medication, trimmed, since the note date', () => {
    expect(
      applyMedicationChanges(
        [SERTRALINE],
        [{ kind: 'start', name: ' Bupropion XL ', dose: ' 150 mg ', route: '', frequency: 'every morning' }],
        DATE,
      ),
    ).toEqual([
      { name: 'Bupropion XL', dose: '150 mg', route: null, frequency: 'every morning', since: DATE },
      SERTRALINE,
    ]);
  });
  it('start refuses a medication already active (any case)', () => {
    expect(() =>
      applyMedicationChanges([SERTRALINE], [{ kind: 'start', name: 'SERTRALINE', dose: '25 mg' }], DATE),
    ).toThrow(/Cannot start SERTRALINE: Sertraline is already active/);
  });
  it('stop removes the medication', () => {
    expect(
      applyMedicationChanges(
        [SERTRALINE, TRAZODONE],
        [{ kind: 'stop', name: 'Trazodone', reason: 'Sleep improved' }],
        DATE,
      ),
    ).toEqual([SERTRALINE]);
  });
  it('stop of an inactive medication throws', () => {
    expect(() =>
      applyMedicationChanges([SERTRALINE], [{ kind: 'stop', name: 'Lithium', reason: 'r' }], DATE),
    ).toThrow(/Cannot stop Lithium/);
  });
  it('dose_change updates the dose and since, keeping the stored name; route/frequency when given', () => {
    expect(
      applyMedicationChanges(
        [SERTRALINE],
        [{ kind: 'dose_change', name: 'sertraline', dose: '100 mg', reason: 'r' }],
        DATE,
      ),
    ).toEqual([{ ...SERTRALINE, dose: '100 mg', since: DATE }]);
    expect(
      applyMedicationChanges(
        [SERTRALINE],
        [{ kind: 'dose_change', name: 'Sertraline', dose: '100 mg', frequency: 'twice daily', reason: 'r' }],
        DATE,
      ),
    ).toEqual([{ ...SERTRALINE, dose: '100 mg', frequency: 'twice daily', since: DATE }]);
  });
  it('dose_change of an inactive medication throws', () => {
    expect(() =>
      applyMedicationChanges(
        [],
        [{ kind: 'dose_change', name: 'Sertraline', dose: '1 mg', reason: 'r' }],
        DATE,
      ),
    ).toThrow(/Cannot change the dose of Sertraline/);
  });
  it('continue keeps the entry unchanged (since too); inactive throws', () => {
    expect(
      applyMedicationChanges([SERTRALINE], [{ kind: 'continue', name: 'SERTRALINE', dose: '75 mg' }], DATE),
    ).toEqual([SERTRALINE]);
    expect(() => applyMedicationChanges([], [{ kind: 'continue', name: 'Sertraline' }], DATE)).toThrow(
      /Cannot continue Sertraline/,
    );
  });
  it('leaves medications not on the note untouched', () => {
    expect(applyMedicationChanges([SERTRALINE, TRAZODONE], [], DATE)).toEqual([SERTRALINE, TRAZODONE]);
  });
  it('applies several changes and sorts by name, case-insensitively', () => {
    const result = applyMedicationChanges(
      [TRAZODONE, SERTRALINE],
      [
        { kind: 'start', name: 'aripiprazole', dose: '2 mg' },
        { kind: 'stop', name: 'Sertraline', reason: 'Switching' },
        { kind: 'start', name: 'Escitalopram', dose: '10 mg' },
        { kind: 'continue', name: 'Trazodone' },
      ],
      DATE,
    );
    expect(result.map((m) => m.name)).toEqual(['aripiprazole', 'Escitalopram', 'trazodone']);
  });
  it('never mutates its input', () => {
    const current = [{ ...SERTRALINE }, { ...TRAZODONE }];
    const changes: MedicationChange[] = [
      { kind: 'dose_change', name: 'Sertraline', dose: '100 mg', reason: 'r' },
      { kind: 'stop', name: 'Trazodone', reason: 'r' },
    ];
    const before = JSON.stringify({ current, changes });
    const result = applyMedicationChanges(current, changes, DATE);
    expect(JSON.stringify({ current, changes })).toBe(before);
    expect(result).not.toBe(current);
    expect(result[0]).not.toBe(current[0]);
    expect(Object.isFrozen(current)).toBe(false);
    // frozen input works too
    expect(() =>
      applyMedicationChanges(Object.freeze([Object.freeze({ ...SERTRALINE })]), changes.slice(0, 1), DATE),
    ).not.toThrow();
  });
  it('refuses changes that fail the check, with the messages', () => {
    expect(() => applyMedicationChanges([], [{ kind: 'start', name: 'A' }], DATE)).toThrow(
      /changes\.0\.dose: Give the starting dose\./,
    );
  });
  it('throws on an invalid date', () => {
    for (const d of ['2026-02-30', '2026-3-9', '09/03/2026', '', '0099-01-01', 20260309 as never]) {
      expect(() => applyMedicationChanges([], [], d)).toThrow(/date/);
    }
  });
  it('throws on a malformed or duplicated active list', () => {
    expect(() => applyMedicationChanges(null as never, [], DATE)).toThrow(/active medications/);
    expect(() => applyMedicationChanges([{ ...SERTRALINE, name: ' ' }], [], DATE)).toThrow(/name/);
    expect(() => applyMedicationChanges([{ ...SERTRALINE, dose: undefined as never }], [], DATE)).toThrow(
      /dose/,
    );
    expect(() => applyMedicationChanges([{ ...SERTRALINE, since: '2026-13-01' }], [], DATE)).toThrow(/since/);
    expect(() =>
      applyMedicationChanges([SERTRALINE, { ...SERTRALINE, name: 'sertraline ' }], [], DATE),
    ).toThrow(/more than once/);
  });
});

/**
 * Checks every instrument together: the registry, definition invariants, and the validation
 * errors every item must raise (each item index, each kind of bad value).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_FLAGS, INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId, type InstrumentId } from './index.js';

/** A valid answer set per instrument in which every item is required (no null allowed). */
const BASELINE: Record<InstrumentId, unknown[]> = {
  'phq-9': Array(9).fill(0),
  'phq-2': [0, 0],
  'gad-7': Array(7).fill(0),
  'gad-2': [0, 0],
  'pcl-5': Array(20).fill(0),
  audit: Array(10).fill(0),
  'audit-c': [0, 0, 0],
  'dast-10': Array(10).fill(false),
  mdq: [...Array(13).fill(false), false, 'none'],
  asq: [true, false, false, false, false],
  'c-ssrs': [true, true, false, false, false, true, false],
};
const score = (id: InstrumentId, answers: unknown) =>
  INSTRUMENTS[id].score({ answers: answers as unknown[], sex: 'female' });
const err = (itemId: string, index: number) =>
  expect.objectContaining({ name: 'InstrumentAnswerError', itemId, index });

/** Random valid answers from the definition, with the nullable items set as their rules demand. */
function validAnswers(id: InstrumentId): fc.Arbitrary<unknown[]> {
  const items = INSTRUMENTS[id].definition.items;
  return fc.tuple(...items.map((i) => fc.constantFrom(...i.options.map((o) => o.value)))).map((a) => {
    const out: unknown[] = [...a];
    if (id === 'asq' && !out.slice(0, 4).includes(true)) out[4] = null;
    if (id === 'c-ssrs' && out[5] === false) out[6] = null;
    return out;
  });
}

describe('registry', () => {
  it('has one instrument per id, each defining itself under that id', () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual([...INSTRUMENT_IDS].sort());
    for (const id of INSTRUMENT_IDS) expect(INSTRUMENTS[id].definition.id).toBe(id);
  });

  it('recognizes instrument ids', () => {
    expect(INSTRUMENT_IDS.every(isInstrumentId)).toBe(true);
    expect(['PHQ-9', 'phq9', '', null, 9].some(isInstrumentId)).toBe(false);
  });

  it('enables everything by default except the licensed C-SSRS', () => {
    const disabled = INSTRUMENT_IDS.filter((id) => !INSTRUMENTS[id].definition.licence.enabledByDefault);
    expect(disabled).toEqual(['c-ssrs']);
    const licensed = INSTRUMENT_IDS.filter((id) => INSTRUMENTS[id].definition.licence.kind === 'licensed');
    expect(licensed).toEqual(['c-ssrs']);
  });

  it('carries exactly the LOINC codes the fact sheet gives, and null for the unconfirmed', () => {
    const loinc = Object.fromEntries(INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id].definition.loinc]));
    expect(loinc).toEqual({
      'phq-9': { panel: '44249-1', total: '44261-6' },
      'phq-2': { panel: '55757-9', total: '55758-7' },
      'gad-7': { panel: '69737-5', total: '70274-6' },
      'gad-2': { panel: null, total: null },
      'pcl-5': { panel: null, total: null },
      audit: { panel: null, total: '75624-7' },
      'audit-c': { panel: '72109-2', total: '75626-2' },
      'dast-10': { panel: '82666-9', total: '82667-7' },
      mdq: { panel: null, total: null },
      asq: { panel: null, total: null },
      'c-ssrs': { panel: null, total: null },
    });
    const itemCodes = INSTRUMENT_IDS.flatMap((id) =>
      INSTRUMENTS[id].definition.items.filter((i) => i.loinc).map((i) => `${id}#${i.id}=${i.loinc}`),
    );
    expect(itemCodes).toEqual(['phq-9#9=44260-8']);
  });
});

describe.each(INSTRUMENT_IDS)('%s definition', (id) => {
  const def = INSTRUMENTS[id].definition;

  it('has unique item ids and unique option values, rated options in increasing order', () => {
    expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
    for (const item of def.items) {
      const values = item.options.map((o) => o.value);
      expect(new Set(values).size, item.id).toBe(values.length);
      if (item.kind === 'rated')
        expect(values, item.id).toEqual([...(values as number[])].sort((a, b) => a - b));
      if (item.kind === 'yes_no') expect(values, item.id).toEqual([true, false]);
      expect(item.text.length, item.id).toBeGreaterThan(0);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.items[0]!.options)).toBe(true);
    expect(() => {
      def.items.push(def.items[0]!);
    }).toThrow(TypeError);
  });

  it('accepts its baseline answer set', () => {
    expect(() => score(id, BASELINE[id])).not.toThrow();
  });

  it('returns only declared severities, its own id, and safety flags only from PHQ-9, ASQ, C-SSRS', () => {
    fc.assert(
      fc.property(validAnswers(id), (answers) => {
        const r = score(id, answers);
        expect(r.instrument).toBe(id);
        if (def.severities.length === 0) expect(r.severity).toBeNull();
        else expect(def.severities).toContain(r.severity);
        for (const f of r.flags) expect(INSTRUMENT_FLAGS).toContain(f);
        if (!['phq-9', 'asq', 'c-ssrs'].includes(id)) expect(r.flags).toEqual([]);
        if (r.flags.length > 0) expect(r.flags).toContain('suicide_risk');
      }),
    );
  });

  it('rejects a non-array, each missing answer, and an extra answer', () => {
    for (const bad of [undefined, null, {}, 'x', 3]) expect(() => score(id, bad)).toThrow(err('*', -1));
    for (let k = 0; k < def.items.length; k++) {
      expect(() => score(id, BASELINE[id].slice(0, k))).toThrow(err(def.items[k]!.id, k));
    }
    expect(() => score(id, [...BASELINE[id], BASELINE[id][0]])).toThrow(err('*', def.items.length));
  });

  it('rejects a sparse array at its first hole', () => {
    const holes: unknown[] = new Array(def.items.length);
    holes[0] = BASELINE[id][0];
    expect(() => score(id, holes)).toThrow(err(def.items[1]!.id, 1));
  });

  it.each(def.items.map((item, index) => [item.id, index] as const))(
    'rejects each kind of bad value for item %s (index %i)',
    (itemId, index) => {
      const item = def.items[index]!;
      const max = Math.max(...item.options.map((o) => (typeof o.value === 'number' ? o.value : 0)));
      const bad: unknown[] =
        item.kind === 'rated'
          ? ['1', '0', true, false, 1.5, 0.5, NaN, Infinity, -Infinity, -1, max + 1, null, undefined, {}, [1]]
          : item.kind === 'yes_no'
            ? [1, 0, 'yes', 'true', 'no', null, undefined, {}, [true]]
            : ['Moderate', 'MODERATE', 'severe', '', 2, true, null, undefined];
      for (const value of bad) {
        const answers = [...BASELINE[id]];
        answers[index] = value;
        expect(() => score(id, answers), String(value)).toThrow(err(itemId, index));
      }
    },
  );
});

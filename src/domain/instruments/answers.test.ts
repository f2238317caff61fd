import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandFor, deepFreeze, itemsOf, ratedOptions, sum, validateAnswers, YES_NO } from './answers.js';
import { InstrumentAnswerError, type InstrumentDefinition } from './types.js';

const def: InstrumentDefinition = {
  id: 'phq-2',
  name: 'Test',
  shortName: 'T',
  loinc: { panel: null, total: null },
  recallPeriod: 'now',
  items: [
    ...itemsOf('rated', ['a', 'b'], ratedOptions(['x', 'y'])),
    { id: '3', text: 'c', kind: 'yes_no', options: [...YES_NO] },
  ],
  licence: { kind: 'free', note: '', enabledByDefault: true },
  severities: [],
  bands: [],
  maxTotal: null,
};
const err = (itemId: string, index: number) =>
  expect.objectContaining({ name: 'InstrumentAnswerError', itemId, index });

describe('validateAnswers', () => {
  it('returns a valid answer set unchanged', () => {
    expect(validateAnswers(def, [0, 1, true])).toEqual([0, 1, true]);
  });

  it('names the first missing item, or * for extra answers or a non-array', () => {
    expect(() => validateAnswers(def, [])).toThrow(err('1', 0));
    expect(() => validateAnswers(def, [0, 1])).toThrow(err('3', 2));
    expect(() => validateAnswers(def, [0, 1, true, false])).toThrow(err('*', 3));
    expect(() => validateAnswers(def, 'nope')).toThrow(err('*', -1));
    expect(() => validateAnswers(def, undefined)).toThrow(err('*', -1));
  });

  it('applies the null rule per item: forbidden, allowed or required', () => {
    expect(() => validateAnswers(def, [0, null, true])).toThrow(err('2', 1));
    const allowSecond = (i: number) => (i === 1 ? 'allowed' : 'forbidden');
    expect(validateAnswers(def, [0, null, true], allowSecond)).toEqual([0, null, true]);
    expect(validateAnswers(def, [0, 1, true], allowSecond)).toEqual([0, 1, true]);
    const requireThird = (i: number) => (i === 2 ? 'required' : 'forbidden');
    expect(() => validateAnswers(def, [0, 1, true], requireThird)).toThrow(err('3', 2));
    expect(validateAnswers(def, [0, 1, null], requireThird)).toEqual([0, 1, null]);
  });

  it('passes the answers validated so far to the null rule', () => {
    const seen: unknown[] = [];
    validateAnswers(def, [1, 0, false], (i, earlier) => {
      seen.push([i, [...earlier]]);
      return 'forbidden';
    });
    expect(seen).toEqual([
      [0, []],
      [1, [1]],
      [2, [1, 0]],
    ]);
  });

  it('is an InstrumentAnswerError with a message that does not echo the answer', () => {
    try {
      validateAnswers(def, [0, 'secret-777', true]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InstrumentAnswerError);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toContain('item 2');
      expect((e as Error).message).not.toContain('secret-777');
    }
  });
});

describe('bandFor', () => {
  const bands = [
    { min: 0, code: 'a' },
    { min: 3, code: 'b' },
    { min: 5, code: 'c' },
  ] as const;
  it('gives the highest band whose minimum the total reaches', () => {
    expect([0, 2, 3, 4, 5, 99].map((t) => bandFor(t, bands))).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });
});

describe('helpers', () => {
  it('ratedOptions numbers from 0 unless values are given', () => {
    expect(ratedOptions(['x', 'y'])).toEqual([
      { value: 0, label: 'x' },
      { value: 1, label: 'y' },
    ]);
    expect(ratedOptions(['x', 'y'], [0, 2]).map((o) => o.value)).toEqual([0, 2]);
  });

  it('sum adds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 })), (xs) => {
        expect(sum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('deepFreeze freezes nested objects and arrays', () => {
    const o = deepFreeze({ a: [{ b: 1 }] });
    expect(Object.isFrozen(o.a[0])).toBe(true);
    expect(() => {
      (o.a as unknown as number[]).push(2);
    }).toThrow(TypeError);
  });
});

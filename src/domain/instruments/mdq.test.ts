import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { MDQ_PROBLEM_LEVELS, mdq } from './mdq.js';

const score = (answers: unknown[]) => mdq.score({ answers });
const part1 = (yes: number) => Array.from({ length: 13 }, (_, i) => i < yes);
const answers = (yes: number, samePeriod: boolean, level: string) => [...part1(yes), samePeriod, level];
const err = (itemId: string, index: number) => expect.objectContaining({ itemId, index });

describe('MDQ', () => {
  it('defines 13 yes/no items, then same_period (yes/no), then problem_level (choice)', () => {
    const { items } = mdq.definition;
    expect(items.map((i) => i.id)).toEqual([
      ...part1(13).map((_, i) => String(i + 1)),
      'same_period',
      'problem_level',
    ]);
    expect(items.map((i) => i.kind)).toEqual([...Array(14).fill('yes_no'), 'choice']);
    expect(items[14]!.options.map((o) => o.value)).toEqual(['none', 'minor', 'moderate', 'serious']);
    expect(mdq.definition.licence).toMatchObject({ kind: 'unconfirmed', enabledByDefault: true });
  });

  it.each(['moderate', 'serious'])('is positive with 7 "yes", same period and a %s problem', (level) => {
    expect(score(answers(7, true, level))).toEqual({
      instrument: 'mdq',
      total: 7,
      severity: null,
      positive: true,
      flags: [],
      extra: { part1YesCount: 7, samePeriod: true, problemLevel: level },
    });
    expect(score(answers(13, true, level)).positive).toBe(true);
  });

  it('is negative with only 6 "yes"', () => {
    expect(score(answers(6, true, 'serious'))).toMatchObject({ total: 6, positive: false });
  });

  it('is negative when the symptoms did not occur in the same period', () => {
    expect(score(answers(13, false, 'serious')).positive).toBe(false);
  });

  it.each(['none', 'minor'])('is negative with a %s problem', (level) => {
    expect(score(answers(13, true, level)).positive).toBe(false);
  });

  it('counts "yes" answers anywhere in part 1', () => {
    const a = [...Array(13).fill(false), true, 'serious'];
    for (const i of [0, 2, 4, 6, 8, 10, 12]) a[i] = true;
    expect(score(a)).toMatchObject({ total: 7, positive: true });
  });

  it('requires part 2 even with fewer than two "yes" answers, and a listed problem level', () => {
    expect(() => score([...part1(0), null, 'none'])).toThrow(err('same_period', 13));
    expect(() => score([...part1(0), 'yes', 'none'])).toThrow(err('same_period', 13));
    for (const bad of ['Serious', 'severe', 'no problem', 3, false, null]) {
      expect(() => score([...part1(7), true, bad])).toThrow(err('problem_level', 14));
    }
  });

  it('positive is exactly the three-part rule; total is the part-1 count (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
        fc.boolean(),
        fc.constantFrom(...MDQ_PROBLEM_LEVELS),
        (p1, same, level) => {
          const r = score([...p1, same, level]);
          const yes = p1.filter(Boolean).length;
          expect(r.total).toBe(yes);
          expect(r.positive).toBe(yes >= 7 && same && (level === 'moderate' || level === 'serious'));
        },
      ),
    );
  });
});

describe('MDQ severity bands', () => {
  const { bands, maxTotal } = mdq.definition;

  it('has none (no published cut-points), with a maximum total of 13', () => {
    expect(bands).toEqual([]);
    expect(maxTotal).toBe(13);
  });

  it('score() returns no severity for any possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) =>
      ((yes: number) => answers(yes, true, 'serious'))(total),
    );
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score(answers(13, true, 'serious')).total).toBe(maxTotal);
  });
});

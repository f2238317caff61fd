import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMILARITY_THRESHOLD, nearDuplicates, similarity } from './similarity.js';

const NOTE =
  'Member participated actively in the mindfulness exercise and shared a recent trigger at work. ' +
  'She identified two coping skills she will practice before the next session, including paced ' +
  'breathing and a short walk outside. Member reported improved sleep this week and fewer cravings ' +
  'in the evenings. Progress toward the goal of attending all scheduled groups is good; she has ' +
  'attended every session this week. Plan: continue the skills group, review the daily mood log ' +
  'with her primary clinician, and practice the breathing exercise twice a day.';

describe('similarity', () => {
  it('default threshold is 0.85 [D]', () => {
    expect(DEFAULT_SIMILARITY_THRESHOLD).toBe(0.85);
  });
  it('is 1 for identical texts', () => {
    expect(similarity(NOTE, NOTE)).toBe(1);
  });
  it('is 1 for texts that differ only in case, punctuation and whitespace', () => {
    expect(similarity('Engaged, calm; and  focused!', 'engaged calm and focused')).toBe(1);
    expect(similarity("Didn't   share\n\ttoday.", 'didnt share today')).toBe(1);
    expect(similarity('Short.', 'short')).toBe(1);
  });
  it('is 0 for two empty texts (nothing to compare), and for one empty text', () => {
    expect(similarity('', '')).toBe(0);
    expect(similarity('  ...  ', '!!')).toBe(0);
    expect(similarity('', NOTE)).toBe(0);
    expect(similarity(NOTE, '   ')).toBe(0);
  });
  it('is 0 for texts sharing no word triple', () => {
    expect(similarity('the cat sat on the mat', 'a dog ran in a park')).toBe(0);
  });
  it('is the Jaccard index of word 3-shingles', () => {
    // a b c d → {abc, bcd}; a b c e → {abc, bce}: 1 shared of 3.
    expect(similarity('a b c d', 'a b c e')).toBeCloseTo(1 / 3, 12);
    // a b c d e → {abc,bcd,cde}; a b c d → {abc,bcd}: 2 of 3.
    expect(similarity('a b c d e', 'a b c d')).toBeCloseTo(2 / 3, 12);
  });
  it('ignores word order only at shingle granularity (sets, not counts)', () => {
    expect(similarity('a b c a b c', 'a b c')).toBeCloseTo(1 / 3, 12); // {abc,bca,cab} vs {abc}
    expect(similarity('c b a', 'a b c')).toBe(0);
  });
  it('compares texts of fewer than 3 words by word sets', () => {
    expect(similarity('engaged', 'engaged today')).toBe(0.5);
    expect(similarity('very engaged', 'engaged very')).toBe(1);
    expect(similarity('calm', 'anxious')).toBe(0);
    // one long, one short: word sets too (a shingle comparison would always be 0)
    expect(similarity('engaged', 'engaged and calm')).toBeCloseTo(1 / 3, 12);
  });
  it('is symmetric and within 0..1', () => {
    const texts = [NOTE, NOTE.replace('She', 'He'), 'a b', 'completely different words here', ''];
    for (const a of texts) {
      for (const b of texts) {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
  it('loses up to 3 shingles per changed word', () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[6] = 'zz';
    expect(similarity(words.join(' '), changed.join(' '))).toBeCloseTo(7 / 13, 12); // 10 shingles, 3 replaced
  });
  it('stays high when a cloned note changes a pronoun, and drops for an individualized note', () => {
    expect(similarity(NOTE, NOTE.replace('She', 'He'))).toBeGreaterThan(0.85);
    expect(
      similarity(
        NOTE,
        'Member was quiet during the mindfulness exercise and left early for a medical appointment. ' +
          'Will review the distress tolerance worksheet at the next individual session.',
      ),
    ).toBeLessThan(0.3);
  });
  it('treats accented letters as letters', () => {
    expect(similarity('très bien aujourd’hui', 'TRÈS BIEN aujourdhui')).toBe(1);
  });
  it('throws unless both are strings', () => {
    expect(() => similarity(null as never, 'x')).toThrow(/text a/);
    expect(() => similarity('x', 3 as never)).toThrow(/text b/);
  });
});

describe('nearDuplicates', () => {
  const cloned = NOTE.replace('She', 'He');
  const different = 'Quiet today; declined to share. Plans to call the sponsor tonight and attend Thursday.';

  it('returns pairs at or above the threshold, a before b in input order', () => {
    expect(
      nearDuplicates([
        { id: 'm1', text: NOTE },
        { id: 'm2', text: different },
        { id: 'm3', text: cloned },
      ]),
    ).toEqual([{ a: 'm1', b: 'm3', similarity: similarity(NOTE, cloned) }]);
  });
  it('includes a pair exactly at the default threshold (17 of 20 shingles = 0.85)', () => {
    const words = Array.from({ length: 21 }, (_, i) => `w${i}`);
    const a = words.join(' '); // 19 shingles
    const b = [...words.slice(0, 19), 'zz'].join(' '); // 18 shingles, 17 shared with a
    expect(similarity(a, b)).toBe(0.85);
    expect(
      nearDuplicates([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]),
    ).toEqual([{ a: 'a', b: 'b', similarity: 0.85 }]);
    expect(
      nearDuplicates(
        [
          { id: 'a', text: a },
          { id: 'b', text: b },
        ],
        0.850001,
      ),
    ).toEqual([]);
  });
  it('sorts highest first, ties in input order', () => {
    const t1 = 'alpha beta gamma delta epsilon zeta eta theta';
    const t2 = 'alpha beta gamma delta epsilon zeta eta iota';
    const pairs = nearDuplicates(
      [
        { id: 'a', text: t1 },
        { id: 'b', text: t2 },
        { id: 'c', text: t1 },
        { id: 'd', text: t1 },
      ],
      0.5,
    );
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['a-c', 'a-d', 'c-d', 'a-b', 'b-c', 'b-d']);
    expect(pairs[0]!.similarity).toBe(1);
    expect(pairs[3]!.similarity).toBeCloseTo(5 / 7, 12);
  });
  it('skips entries with empty text (also after normalising)', () => {
    expect(
      nearDuplicates([
        { id: 'a', text: '' },
        { id: 'b', text: '  ' },
        { id: 'c', text: '...' },
        { id: 'd', text: NOTE },
      ]),
    ).toEqual([]);
  });
  it('returns nothing for none or one entry', () => {
    expect(nearDuplicates([])).toEqual([]);
    expect(nearDuplicates([{ id: 'a', text: NOTE }])).toEqual([]);
  });
  it('accepts a threshold of 1 (exact copies only)', () => {
    expect(
      nearDuplicates(
        [
          { id: 'a', text: NOTE },
          { id: 'b', text: cloned },
          { id: 'c', text: NOTE.toUpperCase() },
        ],
        1,
      ),
    ).toEqual([{ a: 'a', b: 'c', similarity: 1 }]);
  });
  it('throws on duplicate ids', () => {
    expect(() =>
      nearDuplicates([
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
      ]),
    ).toThrow(/"a" appears more than once/);
  });
  it('throws on a threshold outside (0, 1]', () => {
    for (const t of [0, -0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => nearDuplicates([], t)).toThrow(/threshold/);
    }
    expect(() => nearDuplicates([], '0.5' as never)).toThrow(/threshold/);
  });
  it('throws on malformed entries', () => {
    expect(() => nearDuplicates(null as never)).toThrow(/entries/);
    expect(() => nearDuplicates([null as never])).toThrow(/entry at 0/);
    expect(() => nearDuplicates([{ id: '', text: 'x' }])).toThrow(/id/);
    expect(() => nearDuplicates([{ id: 'a', text: null as never }])).toThrow(/text of entry "a"/);
  });
  it('handles 12 members × 150 words in well under 5 ms', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocab = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const entries = Array.from({ length: 12 }, (_, m) => ({
      id: `m${m}`,
      text: Array.from({ length: 150 }, () => vocab[Math.floor(rand() * vocab.length)]).join(' ') + '.',
    }));
    entries[11] = { id: 'm11', text: entries[3]!.text };
    nearDuplicates(entries); // warm up
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const pairs = nearDuplicates(entries);
      runs.push(performance.now() - t0);
      expect(pairs).toEqual([{ a: 'm3', b: 'm11', similarity: 1 }]);
    }
    runs.sort((x, y) => x - y);
    expect(runs[10]!).toBeLessThan(5);
  });
});

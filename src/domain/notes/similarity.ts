/**
 * Copy-paste detection for group member notes.
 *
 * Each billed member's note must independently support medical necessity, so member notes in one
 * group must be individualized, not cloned (clinical-facts §7.2 [S]). Flagging near-identical member
 * sections before signing, and the 0.85 threshold, are our design [D]; the threshold is an exported
 * default a caller may override.
 *
 * Measure [D]: Jaccard similarity of word 3-shingles (sets of consecutive word triples) after
 * normalising: lower case, apostrophes dropped ("don't" → "dont"), other punctuation turned into
 * spaces, whitespace collapsed. Shingles catch copied phrasing while ignoring where a copied
 * sentence sits; a few changed words (a name, a pronoun) still leave most shingles shared.
 */

/** [D] Member sections at or above this similarity are flagged before signing. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.85;

const SHINGLE = 3;

interface Prepared {
  /** Normalised text (words joined by single spaces); '' when there are no words. */
  normal: string;
  wordCount: number;
  words: ReadonlySet<string>;
  shingles: ReadonlySet<string>;
}

function normalise(text: string): string[] {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  return cleaned === '' ? [] : cleaned.split(' ');
}

function prepare(text: string): Prepared {
  const words = normalise(text);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE).join(' '));
  return { normal: words.join(' '), wordCount: words.length, words: new Set(words), shingles };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function compare(a: Prepared, b: Prepared): number {
  if (a.normal === '' || b.normal === '') return 0;
  if (a.normal === b.normal) return 1;
  // A text too short for one shingle compares by word sets (both sides, so the measure is symmetric).
  if (a.wordCount < SHINGLE || b.wordCount < SHINGLE) return jaccard(a.words, b.words);
  return jaccard(a.shingles, b.shingles);
}

function checkText(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw new Error(`Invalid ${name}: expected a string (got ${typeof value}).`);
}

/**
 * 0..1: Jaccard similarity of word 3-shingles after normalising (lower case, punctuation removed,
 * whitespace collapsed); texts of fewer than 3 words compare by word sets (if either text is that
 * short); two empty texts → 0 (nothing to compare), as does one empty text; identical normalised
 * non-empty texts → 1. Symmetric. Throws unless both are strings.
 */
export function similarity(a: string, b: string): number {
  checkText(a, 'text a');
  checkText(b, 'text b');
  return compare(prepare(a), prepare(b));
}

/**
 * Pairs (a before b in input order) whose similarity ≥ threshold, highest first (ties keep input
 * order); entries with empty text (nothing left after normalising) are skipped. Shingle sets are
 * computed once per entry. Throws on duplicate or empty ids, non-string text, or a threshold
 * outside (0, 1].
 */
export function nearDuplicates(
  entries: readonly { id: string; text: string }[],
  threshold: number = DEFAULT_SIMILARITY_THRESHOLD,
): { a: string; b: string; similarity: number }[] {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new Error(`Invalid similarity threshold ${String(threshold)}: must be more than 0 and at most 1.`);
  }
  const rawList: unknown = entries;
  if (!Array.isArray(rawList)) throw new Error('Invalid entries: expected an array of { id, text }.');
  const seen = new Set<string>();
  const prepared: { id: string; p: Prepared }[] = [];
  entries.forEach((e: unknown, i) => {
    if (typeof e !== 'object' || e === null) throw new Error(`Invalid entry at ${i}: expected { id, text }.`);
    const { id, text } = e as { id: unknown; text: unknown };
    if (typeof id !== 'string' || id === '')
      throw new Error(`Invalid entry at ${i}: id must be a non-empty string.`);
    if (seen.has(id)) throw new Error(`Invalid entries: id "${id}" appears more than once.`);
    seen.add(id);
    checkText(text, `text of entry "${id}"`);
    const p = prepare(text);
    if (p.normal !== '') prepared.push({ id, p });
  });

  const pairs: { a: string; b: string; similarity: number }[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const x = prepared[i]!;
      const y = prepared[j]!;
      const s = compare(x.p, y.p);
      if (s >= threshold) pairs.push({ a: x.id, b: y.id, similarity: s });
    }
  }
  // Array.prototype.sort is stable, so equal similarities keep input order.
  return pairs.sort((p, q) => q.similarity - p.similarity);
}

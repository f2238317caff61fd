/**
 * Other group members named in a member's note.
 *
 * A member's note must never identify another member: group notes keep member names out of the
 * shared part, and each member's note is about that member only (clinical-facts §7.2 [S];
 * domain.md invariant "a member note never contains another member's identifiers").
 *
 * Matching [D]:
 * - Names and text are compared as word sequences after folding case and accents ("José" = "jose",
 *   "ÉMILIE" = "emilie"); "whole words" means a name never matches inside a longer word ("Ann" is
 *   not found in "Annual"), but a possessive still matches ("Will's" contains "Will").
 * - A name of several words ("Mary Ellen", "De la Cruz", "O'Brien", "Jean-Luc") matches as that word
 *   sequence, written run together ("OBrien", "MaryEllen"), or by any one of its parts alone ("Mary",
 *   "Cruz", "Luc"), except name particles (`NAME_PARTICLES`: "de", "la", "van", …), which would
 *   otherwise match ordinary words.
 * - Names shorter than 2 letters are ignored (an initial would match everywhere).
 * - Names that are also common words ("Will", "Hope", "May", "Grace", "Faith") are STILL flagged:
 *   a false alarm costs the clinician a rephrase, a miss discloses a member's identity. Safety first.
 * - Likewise, another member who shares the author's own first name is flagged when that name
 *   appears: the note cannot show which of the two it means.
 */

export interface PersonName {
  id: string;
  givenName: string;
  familyName: string;
  preferredName?: string | null;
}

/** [D] Parts of multi-word names that do not identify anyone on their own. */
export const NAME_PARTICLES: readonly string[] = Object.freeze([
  'al',
  'bin',
  'binti',
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'y',
]);

/** Letters that NFD does not decompose into a base letter plus accent. */
const FOLD: Readonly<Record<string, string>> = Object.freeze({
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
});

/** Case- and accent-folded words (runs of letters and digits). */
function words(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (c) => FOLD[c] ?? c);
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function checkPerson(p: unknown, i: number): asserts p is PersonName {
  if (typeof p !== 'object' || p === null) throw new Error(`Invalid member at ${i}: expected an object.`);
  const { id, givenName, familyName, preferredName } = p as Record<string, unknown>;
  if (typeof id !== 'string' || id === '')
    throw new Error(`Invalid member at ${i}: id must be a non-empty string.`);
  if (typeof givenName !== 'string') throw new Error(`Invalid member "${id}": givenName must be a string.`);
  if (typeof familyName !== 'string') throw new Error(`Invalid member "${id}": familyName must be a string.`);
  if (preferredName !== undefined && preferredName !== null && typeof preferredName !== 'string') {
    throw new Error(`Invalid member "${id}": preferredName must be a string or null.`);
  }
}

/** True when `seq` occurs as consecutive words of `text`. */
function containsSequence(text: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= text.length; i++) {
    for (let j = 0; j < seq.length; j++) if (text[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Names of OTHER members (not `selfId`) that appear in `text` as whole words, case-insensitive and
 * accent-insensitive (given, family or preferred name; names shorter than 2 letters ignored).
 * Returns the offending members' ids, each once, in `members` order. A member note must never
 * identify another member (clinical-facts §7.2; domain.md invariant).
 * Throws on non-string text, an empty selfId, malformed members or duplicate member ids.
 */
export function otherMembersNamed(text: string, selfId: string, members: readonly PersonName[]): string[] {
  if (typeof text !== 'string') throw new Error(`Invalid text: expected a string (got ${typeof text}).`);
  if (typeof selfId !== 'string' || selfId === '')
    throw new Error('Invalid selfId: expected a non-empty string.');
  const rawList: unknown = members;
  if (!Array.isArray(rawList)) throw new Error('Invalid members: expected an array of names.');
  const ids = new Set<string>();
  members.forEach((m: unknown, i) => {
    checkPerson(m, i);
    if (ids.has(m.id)) throw new Error(`Invalid members: id "${m.id}" appears more than once.`);
    ids.add(m.id);
  });

  const textWords = words(text);
  if (textWords.length === 0) return [];
  const wordSet = new Set(textWords);
  const particles = new Set(NAME_PARTICLES);

  const named = (name: string | null | undefined): boolean => {
    if (name === undefined || name === null) return false;
    const seq = words(name);
    const joined = seq.join('');
    if (joined.length < 2) return false;
    if (wordSet.has(joined)) return true;
    if (seq.length === 1) return false;
    if (containsSequence(textWords, seq)) return true;
    return seq.some((part) => part.length >= 2 && !particles.has(part) && wordSet.has(part));
  };

  return members
    .filter((m) => m.id !== selfId)
    .filter((m) => named(m.givenName) || named(m.familyName) || named(m.preferredName))
    .map((m) => m.id);
}

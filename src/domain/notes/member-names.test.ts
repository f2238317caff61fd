import { describe, expect, it } from 'vitest';
import { NAME_PARTICLES, otherMembersNamed, type PersonName } from './member-names.js';

const SELF: PersonName = { id: 'self', givenName: 'Dana', familyName: 'Lopez' };
const GROUP: PersonName[] = [
  SELF,
  { id: 'will', givenName: 'William', familyName: 'Hart', preferredName: 'Will' },
  { id: 'hope', givenName: 'Hope', familyName: 'Nakamura' },
  { id: 'jose', givenName: 'José', familyName: 'Ñúñez' },
  { id: 'ann', givenName: 'Ann', familyName: 'Berg', preferredName: null },
  { id: 'obrien', givenName: 'Siobhan', familyName: "O'Brien" },
  { id: 'cruz', givenName: 'Maria', familyName: 'de la Cruz' },
  { id: 'x', givenName: 'X', familyName: 'Æ' },
];

const named = (text: string, members: readonly PersonName[] = GROUP, self = 'self'): string[] =>
  otherMembersNamed(text, self, members);

describe('otherMembersNamed', () => {
  it('finds nobody in a clean note', () => {
    expect(named('Member engaged well and practiced grounding skills.')).toEqual([]);
    expect(named('')).toEqual([]);
  });
  it('finds given, family and preferred names', () => {
    expect(named('Spoke with William after group.')).toEqual(['will']);
    expect(named('Mr. Hart was supportive.')).toEqual(['will']);
    expect(named('Will offered feedback.')).toEqual(['will']);
    expect(named('Sat next to Nakamura.')).toEqual(['hope']);
  });
  it('is case-insensitive', () => {
    expect(named('WILLIAM and hart')).toEqual(['will']);
    expect(named('nakamura')).toEqual(['hope']);
  });
  it('is accent-insensitive in both directions', () => {
    expect(named('Talked with Jose.')).toEqual(['jose']);
    expect(named('Talked with JOSÉ.')).toEqual(['jose']);
    expect(named('Nunez disagreed.')).toEqual(['jose']);
    expect(named('José', [SELF, { id: 'j', givenName: 'Jose', familyName: 'Ruiz' }])).toEqual(['j']);
    // decomposed input (e + combining acute)
    expect(named('Jose\u0301 spoke.')).toEqual(['jose']);
  });
  it('matches whole words only', () => {
    expect(named('Annual review; the annotation was brief.')).toEqual([]);
    expect(named('Discussed heartbreak and willpower.')).toEqual([]);
    expect(named('Ann, Berg')).toEqual(['ann']);
  });
  it('matches possessives and names next to punctuation', () => {
    expect(named("Responded to Will's share.")).toEqual(['will']);
    expect(named('(Ann)')).toEqual(['ann']);
    expect(named('...with Hope-')).toEqual(['hope']);
  });
  it('flags names that are also common words (safety first) [D]', () => {
    expect(named('She will practice the skill.')).toEqual(['will']);
    expect(named('Expressed hope about returning to work.')).toEqual(['hope']);
    const more: PersonName[] = [
      SELF,
      { id: 'may', givenName: 'May', familyName: 'Chen' },
      { id: 'grace', givenName: 'Grace', familyName: 'Okafor' },
    ];
    expect(named('She may attend; handled it with grace.', more)).toEqual(['may', 'grace']);
  });
  it('never flags the author (selfId)', () => {
    expect(named('Dana Lopez reported progress.')).toEqual([]);
    expect(named('Dana said Will helped.', GROUP, 'will')).toEqual(['self']);
  });
  it('flags another member who shares the author’s name (ambiguous) [D]', () => {
    const twins: PersonName[] = [SELF, { id: 'dana2', givenName: 'Dana', familyName: 'Smith' }];
    expect(named('Dana shared.', twins)).toEqual(['dana2']);
  });
  it('returns each id once, in members order', () => {
    expect(named('Hope and Will; later Will Hart and William again; also Hope Nakamura.')).toEqual([
      'will',
      'hope',
    ]);
    expect(named('Berg, then Hart')).toEqual(['will', 'ann']);
  });
  it('matches multi-word and apostrophe names as a sequence, run together, or by a part', () => {
    expect(named("Discussed O'Brien's comment.")).toEqual(['obrien']);
    expect(named('Discussed OBrien.')).toEqual(['obrien']);
    expect(named('Discussed Brien.')).toEqual(['obrien']);
    expect(named('De La Cruz arrived late.')).toEqual(['cruz']);
    expect(named('Delacruz arrived late.')).toEqual(['cruz']);
    expect(named('Cruz arrived late.')).toEqual(['cruz']);
    const hyphen: PersonName[] = [SELF, { id: 'jl', givenName: 'Jean-Luc', familyName: 'Picard' }];
    expect(named('Spoke to Luc.', hyphen)).toEqual(['jl']);
    expect(named('Spoke to JeanLuc.', hyphen)).toEqual(['jl']);
  });
  it('does not flag name particles on their own', () => {
    expect(NAME_PARTICLES).toContain('de');
    expect(NAME_PARTICLES).toContain('la');
    expect(named('The plan de-escalated; la la la.')).toEqual([]);
    expect(
      named('Member talked about van life.', [SELF, { id: 'v', givenName: 'Ida', familyName: 'van Dijk' }]),
    ).toEqual([]);
  });
  it('ignores names shorter than 2 letters, but folds special letters', () => {
    expect(named('Scored x on the scale.')).toEqual([]);
    expect(named('Talked with Ae.')).toEqual(['x']); // "Æ" folds to "ae", 2 letters
  });
  it('handles other letters that have no decomposition', () => {
    const m: PersonName[] = [SELF, { id: 's', givenName: 'Søren', familyName: 'Łukasz' }];
    expect(named('Soren and lukasz', m)).toEqual(['s']);
    const g: PersonName[] = [SELF, { id: 'g', givenName: 'Grete', familyName: 'Strauß' }];
    expect(named('Strauss', g)).toEqual(['g']);
  });
  it('ignores blank or missing preferred names', () => {
    const m: PersonName[] = [SELF, { id: 'p', givenName: 'Ola', familyName: 'Ng', preferredName: '  ' }];
    expect(named('A quiet session.', m)).toEqual([]);
  });
  it('throws on bad input', () => {
    expect(() => otherMembersNamed(null as never, 'self', GROUP)).toThrow(/text/);
    expect(() => otherMembersNamed('x', '', GROUP)).toThrow(/selfId/);
    expect(() => otherMembersNamed('x', 'self', null as never)).toThrow(/members/);
    expect(() => otherMembersNamed('x', 'self', [null as never])).toThrow(/member at 0/);
    expect(() => otherMembersNamed('x', 'self', [{ id: '', givenName: 'a', familyName: 'b' }])).toThrow(/id/);
    expect(() =>
      otherMembersNamed('x', 'self', [{ id: 'a', givenName: 1 as never, familyName: 'b' }]),
    ).toThrow(/givenName/);
    expect(() =>
      otherMembersNamed('x', 'self', [{ id: 'a', givenName: 'a', familyName: null as never }]),
    ).toThrow(/familyName/);
    expect(() =>
      otherMembersNamed('x', 'self', [
        { id: 'a', givenName: 'a', familyName: 'b', preferredName: 3 as never },
      ]),
    ).toThrow(/preferredName/);
    expect(() =>
      otherMembersNamed('x', 'self', [
        { id: 'a', givenName: 'Al', familyName: 'B' },
        { id: 'a', givenName: 'Cy', familyName: 'D' },
      ]),
    ).toThrow(/"a" appears more than once/);
  });
});

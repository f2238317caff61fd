import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_LABEL_CODES, SECURITY_LABELS } from './security-labels.js';

describe('security labels', () => {
  it('every Part 2 label carries the HL7 42CFRPart2 policy and no-redisclosure refrain', () => {
    for (const label of ['part2', 'sud_counseling_note'] as const) {
      expect(SECURITY_LABELS[label]).toEqual(expect.arrayContaining(['42CFRPart2', 'NORDSLCD', 'R']));
    }
  });

  it('the database accepts exactly the labels the domain defines', () => {
    const sql = fs.readFileSync(new URL('../../migrations/0001_foundation.sql', import.meta.url), 'utf8');
    const list = /labels <@ ARRAY\[([^\]]+)\]/.exec(sql)?.[1];
    const inDatabase = list?.split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(inDatabase?.sort()).toEqual([...SECURITY_LABEL_CODES].sort());
  });
});

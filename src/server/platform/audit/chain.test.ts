import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  hashEvent,
  verifyChain,
  verifyHead,
  type ChainedFields,
  type ChainProblem,
} from './chain.js';

type Row = ChainedFields & { prevHash: string; hash: string };

const KEY = 'org-1';
const T0 = Date.UTC(2026, 2, 8, 5, 0, 0);

function fieldsFor(seq: number, chainKey = KEY): ChainedFields {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    chainKey,
    chainSeq: seq,
    organizationId: chainKey,
    occurredAt: new Date(T0 + seq * 1000),
    actorUserId: seq % 2 ? 'user-1' : null,
    actorRoles: seq % 2 ? ['clinician'] : ['system'],
    action: seq % 3 ? 'patient.read' : 'note.create',
    resourceType: 'patient',
    resourceId: `r-${seq}`,
    patientId: seq % 2 ? `p-${seq}` : null,
    ip: seq % 2 ? '203.0.113.7' : null,
    outcome: 'success',
    details: { fields: ['name'], count: seq },
  };
}

/** Builds rows the way the audit log writes them: each hash over the previous hash and the fields. */
function buildChain(n: number, chainKey = KEY): Row[] {
  const rows: Row[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = fieldsFor(seq, chainKey);
    const hash = hashEvent(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

const headOf = (rows: readonly Row[]) => ({
  lastSeq: rows.length,
  lastHash: rows.at(-1)?.hash ?? GENESIS_HASH,
});

/** Everything the audit verifier would report: row problems plus the head check. */
function audit(
  rows: readonly Row[],
  head: { lastSeq: number; lastHash: string } | undefined,
): ChainProblem[] {
  const { problems, last } = verifyChain(KEY, rows);
  return [...problems, ...verifyHead(KEY, last, head)];
}

/** Only the fields of ChainedFields (what the database row holds besides its own hashes). */
const fieldsOf = ({ prevHash: _p, hash: _h, ...fields }: Row): ChainedFields => fields;

/** A change to one field that always yields a different value. */
const TAMPER: Record<keyof Row, (r: Row) => Row> = {
  id: (r) => ({ ...r, id: r.id.replace(/.$/, (c) => (c === 'f' ? 'e' : 'f')) }),
  chainKey: (r) => ({ ...r, chainKey: `${r.chainKey}-x` }),
  chainSeq: (r) => ({ ...r, chainSeq: r.chainSeq + 100 }),
  organizationId: (r) => ({ ...r, organizationId: r.organizationId === null ? 'org-2' : null }),
  occurredAt: (r) => ({ ...r, occurredAt: new Date(r.occurredAt.getTime() + 1) }),
  actorUserId: (r) => ({ ...r, actorUserId: r.actorUserId === null ? 'user-2' : null }),
  actorRoles: (r) => ({ ...r, actorRoles: [...r.actorRoles, 'admin'] }),
  action: (r) => ({ ...r, action: `${r.action}.x` }),
  resourceType: (r) => ({ ...r, resourceType: `${r.resourceType}x` }),
  resourceId: (r) => ({ ...r, resourceId: r.resourceId === null ? 'r-x' : null }),
  patientId: (r) => ({ ...r, patientId: r.patientId === null ? 'p-x' : null }),
  ip: (r) => ({ ...r, ip: r.ip === null ? '198.51.100.1' : null }),
  outcome: (r) => ({ ...r, outcome: r.outcome === 'success' ? 'failure' : 'success' }),
  details: (r) => ({ ...r, details: { ...r.details, tampered: true } }),
  prevHash: (r) => ({ ...r, prevHash: createHash('sha256').update(r.prevHash).digest('hex') }),
  hash: (r) => ({ ...r, hash: createHash('sha256').update(r.hash).digest('hex') }),
};
const FIELDS = Object.keys(TAMPER) as (keyof Row)[];

describe('hashEvent', () => {
  it('is a 64-character hex SHA-256', () => {
    expect(hashEvent(GENESIS_HASH, fieldsFor(1))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic and independent of key order', () => {
    const f = fieldsFor(1);
    const reversed = Object.fromEntries(Object.entries(f).reverse()) as unknown as ChainedFields;
    expect(hashEvent(GENESIS_HASH, reversed)).toBe(hashEvent(GENESIS_HASH, f));
  });

  it('depends on the previous hash', () => {
    expect(hashEvent('1'.repeat(64), fieldsFor(1))).not.toBe(hashEvent(GENESIS_HASH, fieldsFor(1)));
  });

  it.each(FIELDS.filter((f) => f !== 'prevHash' && f !== 'hash'))('depends on %s', (field) => {
    const row = buildChain(1)[0]!;
    const changed = fieldsOf(TAMPER[field](row));
    expect(hashEvent(GENESIS_HASH, changed)).not.toBe(hashEvent(GENESIS_HASH, fieldsOf(row)));
  });
});

describe('verifyChain and verifyHead', () => {
  it('find no problem in an empty chain', () => {
    expect(audit([], undefined)).toEqual([]);
  });

  it('find no problem in an intact chain', () => {
    const rows = buildChain(6);
    expect(audit(rows, headOf(rows))).toEqual([]);
  });

  it('report the last row checked so verification can resume in batches', () => {
    const rows = buildChain(6);
    const first = verifyChain(KEY, rows.slice(0, 3));
    expect(first.last).toEqual({ seq: 3, hash: rows[2]!.hash });
    const second = verifyChain(KEY, rows.slice(3), first.last);
    expect(second.problems).toEqual([]);
    expect(second.last).toEqual({ seq: 6, hash: rows[5]!.hash });
  });

  describe.each([1, 3, 5])('changing a field of row %i of 5', (seq) => {
    it.each(FIELDS.filter((f) => f !== 'chainSeq'))('reports %s as changed at that seq', (field) => {
      const rows = buildChain(5);
      rows[seq - 1] = TAMPER[field](rows[seq - 1]!);
      const problems = verifyChain(KEY, rows).problems;
      expect(problems).toContainEqual({ kind: 'changed', chainKey: KEY, seq });
      expect(problems.filter((p) => p.seq < seq)).toEqual([]);
    });
  });

  it('reports a renumbered row', () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2]!, chainSeq: 2 }; // a duplicate of seq 2 where 3 belongs
    expect(audit(rows, headOf(rows))).not.toEqual([]);
  });

  it('reports a deleted middle row as missing at its seq', () => {
    const rows = buildChain(5);
    rows.splice(2, 1);
    expect(audit(rows, headOf(buildChain(5)))).toEqual([{ kind: 'missing', chainKey: KEY, seq: 3 }]);
  });

  it('reports a deleted first row as missing at seq 1', () => {
    const rows = buildChain(5).slice(1);
    expect(audit(rows, headOf(buildChain(5)))).toEqual([{ kind: 'missing', chainKey: KEY, seq: 1 }]);
  });

  it('reports each of several deleted rows as missing', () => {
    const rows = buildChain(6).filter((r) => r.chainSeq !== 2 && r.chainSeq !== 3);
    expect(audit(rows, headOf(buildChain(6)))).toEqual([
      { kind: 'missing', chainKey: KEY, seq: 2 },
      { kind: 'missing', chainKey: KEY, seq: 3 },
    ]);
  });

  it('reports rows deleted from the end as truncated, via the head', () => {
    const full = buildChain(6);
    const rows = full.slice(0, 4);
    expect(verifyChain(KEY, rows).problems).toEqual([]);
    expect(audit(rows, headOf(full))).toEqual([{ kind: 'truncated', chainKey: KEY, seq: 5 }]);
  });

  it('reports a chain emptied entirely as truncated from seq 1', () => {
    expect(audit([], headOf(buildChain(3)))).toEqual([{ kind: 'truncated', chainKey: KEY, seq: 1 }]);
  });

  it('reports a row rewritten with a recomputed hash through the next row’s broken link', () => {
    const rows = buildChain(5);
    const forged = { ...fieldsOf(rows[2]!), action: 'patient.read.forged' };
    rows[2] = { ...forged, prevHash: rows[2]!.prevHash, hash: hashEvent(rows[2]!.prevHash, forged) };
    expect(audit(rows, headOf(buildChain(5)))).toEqual([{ kind: 'changed', chainKey: KEY, seq: 4 }]);
  });

  it('reports a rewritten last row with a recomputed hash through the head', () => {
    const original = buildChain(5);
    const rows = [...original];
    const forged = { ...fieldsOf(rows[4]!), outcome: 'failure' };
    rows[4] = { ...forged, prevHash: rows[4]!.prevHash, hash: hashEvent(rows[4]!.prevHash, forged) };
    expect(audit(rows, headOf(original))).toEqual([{ kind: 'changed', chainKey: KEY, seq: 5 }]);
  });

  it('finds nothing when there is no head (chain never recorded one)', () => {
    expect(verifyHead(KEY, { seq: 0, hash: GENESIS_HASH }, undefined)).toEqual([]);
  });

  it('tags problems with the chain key it was given', () => {
    const rows = buildChain(3, 'system');
    rows.splice(1, 1);
    expect(verifyChain('system', rows).problems).toEqual([{ kind: 'missing', chainKey: 'system', seq: 2 }]);
  });

  describe('properties', () => {
    const tampering = fc.oneof(
      fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom(...FIELDS) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('forge' as const) }),
    );

    it('finds no problem in any untampered chain', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 20 }), (n) => {
          const rows = buildChain(n);
          expect(audit(rows, headOf(rows))).toEqual([]);
        }),
      );
    });

    it('finds at least one problem after any single tampering of any row', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 20 })
            .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
          tampering,
          ([n, index], t) => {
            const original = buildChain(n);
            const rows = [...original];
            const row = rows[index]!;
            if (t.kind === 'field') rows[index] = TAMPER[t.field](row);
            else if (t.kind === 'delete') rows.splice(index, 1);
            else {
              const forged = { ...fieldsOf(row), details: { forged: true } };
              rows[index] = { ...forged, prevHash: row.prevHash, hash: hashEvent(row.prevHash, forged) };
            }
            expect(audit(rows, headOf(original)).length).toBeGreaterThan(0);
          },
        ),
      );
    });
  });
});

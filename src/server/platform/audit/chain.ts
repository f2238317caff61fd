import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);
export const SYSTEM_CHAIN = 'system';

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  id: string;
  chainKey: string;
  chainSeq: number;
  organizationId: string | null;
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: readonly string[];
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  ip: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export function hashEvent(prevHash: string, e: ChainedFields): string {
  // Name every covered field: a caller's extra properties (such as the stored hash) never count.
  const body = canonicalJson({
    id: e.id,
    chainKey: e.chainKey,
    chainSeq: String(e.chainSeq),
    organizationId: e.organizationId,
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    actorRoles: e.actorRoles,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    patientId: e.patientId,
    ip: e.ip,
    outcome: e.outcome,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainProblem =
  | { kind: 'changed'; chainKey: string; seq: number }
  | { kind: 'missing'; chainKey: string; seq: number }
  | { kind: 'truncated'; chainKey: string; seq: number };

/**
 * Walks one chain in sequence order and reports every row whose hash no longer matches its
 * content or whose link to the previous row is broken (changed), and every gap in the
 * sequence (missing). `verifyHead` then catches a chain cut short at its end.
 */
export function verifyChain(
  chainKey: string,
  rows: Iterable<ChainedFields & { prevHash: string; hash: string }>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { problems: ChainProblem[]; last: { seq: number; hash: string } } {
  const problems: ChainProblem[] = [];
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const row of rows) {
    const gap = row.chainSeq !== expectedSeq;
    for (let s = expectedSeq; s < row.chainSeq; s++) problems.push({ kind: 'missing', chainKey, seq: s });
    const linkBroken = !gap && row.prevHash !== prevHash;
    if (linkBroken || hashEvent(row.prevHash, row) !== row.hash)
      problems.push({ kind: 'changed', chainKey, seq: row.chainSeq });
    prevHash = row.hash;
    expectedSeq = row.chainSeq + 1;
  }
  return { problems, last: { seq: expectedSeq - 1, hash: prevHash } };
}

export function verifyHead(
  chainKey: string,
  last: { seq: number; hash: string },
  head: { lastSeq: number; lastHash: string } | undefined,
): ChainProblem[] {
  if (!head) return [];
  if (last.seq < head.lastSeq) return [{ kind: 'truncated', chainKey, seq: last.seq + 1 }];
  if (last.seq === head.lastSeq && last.hash !== head.lastHash)
    return [{ kind: 'changed', chainKey, seq: last.seq }];
  return [];
}

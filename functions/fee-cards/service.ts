/**
 * The fee-card operations: plain typed input, injected clock and ids, the rules in rules.ts
 * and the table access in store.ts.
 */
import { backoff } from '#shared/retry';
import { localDate, monthsBetween, startOfLocalDate, addDays, toLocalIso } from '#shared/clock';
import { hasRole, seesAll, type Caller } from '#shared/http/auth';
import { BadRequestError, ConflictError, NotFoundError, RuleViolationError } from '#shared/http/errors';
import { alertWrites, type Alert } from '#shared/alerts';
import { prepareComplaint } from '#shared/complaint-intake';
import { requireNamedDepartment } from '../registry/departments.ts';
import {
  checkCollection, entryHash, genesisHash, verifyChain, yuan, type ChainedEntry, type FeeItem, type FeeStandard, type RefusalCategory,
} from './rules.ts';
import * as store from './store.ts';

export interface Deps { now: Date; newId: () => string }

export async function publishFeeItem(
  input: { code: string; unit: string; name: string; legalBasis: string; standard: FeeStandard; validFrom?: string; validTo?: string },
  { now }: Deps,
): Promise<{ item: FeeItem; created: boolean }> {
  await requireNamedDepartment(input.unit, 'body.unit');
  const previous = await store.getFeeItem(input.code);
  if (previous && previous.unit !== input.unit) {
    throw new ConflictError(`Fee item ${input.code} belongs to ${previous.unit}; publish a new code for ${input.unit}.`, 'fee-item-unit-fixed');
  }
  const item: FeeItem = { ...input, revision: (previous?.revision ?? 0) + 1, publishedAt: toLocalIso(now) };
  await store.putFeeItem(item);
  return { item, created: !previous };
}

export async function issueCard(input: { enterpriseId: string; enterpriseName: string }, caller: Caller, { now }: Deps) {
  const card: store.FeeCard = {
    ...input, issuedAt: toLocalIso(now), issuedBy: caller.sub, entryCount: 0, headHash: genesisHash(input.enterpriseId),
  };
  await store.createCard(card);
  return presentCard(card, [], [], caller);
}

/** The card as the caller may see it: a department sees only its own entries. */
export async function viewCard(enterpriseId: string, caller: Caller) {
  if (hasRole(caller, 'enterprise') && !seesAllCards(caller) && caller.ent !== enterpriseId) throw new NotFoundError();
  const { card, entries, refusals } = await store.cardWithEntries(enterpriseId);
  if (!card) throw new NotFoundError();
  return presentCard(card, entries, refusals, caller);
}

const seesAllCards = (caller: Caller) => seesAll(caller) || hasRole(caller, 'park-office');

function presentCard(card: store.FeeCard, entries: ChainedEntry[], refusals: store.Refusal[], caller: Caller) {
  const chain = verifyChain(card.enterpriseId, card, entries);
  const refusalsByEntry = new Map(refusals.map((refusal) => [refusal.entryId, refusal]));
  const ownOnly = !seesAllCards(caller) && caller.ent !== card.enterpriseId;
  const visible = ownOnly ? entries.filter((entry) => entry.unit === caller.dept) : entries;
  return {
    enterpriseId: card.enterpriseId,
    enterpriseName: card.enterpriseName,
    issuedAt: card.issuedAt,
    entryCount: card.entryCount,
    chain,
    entries: visible.map((entry) => {
      const refusal = refusalsByEntry.get(entry.entryId);
      return {
        ...entry,
        refused: !!refusal,
        // The department complained about sees that the charge was refused, not the complaint.
        ...(refusal ? { refusal: ownOnly ? { refusedAt: refusal.refusedAt } : refusal } : {}),
      };
    }),
  };
}

/**
 * Writers racing for one card's chain head: each round one wins, the rest re-chain and retry.
 * Sized so that the last of 30 simultaneous entries (a busy window's burst) still gets its turn:
 * a backoff with full jitter, capped, spreads the losers out (worst case a few seconds).
 */
const MAX_ROUNDS = 50;

export async function recordEntry(
  enterpriseId: string,
  input: { feeItemCode: string; amount: number; collector: string; collectedAt: string; receiptNo: string },
  caller: Caller,
  { now, newId }: Deps,
) {
  const unit = caller.dept as string;
  const collectedAt = new Date(input.collectedAt);
  if (collectedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new BadRequestError('A collection cannot be recorded before it happens.', [{ path: 'body.collectedAt', message: 'In the future' }]);
  }
  const collectedOn = localDate(collectedAt);
  let card = await store.getCard(enterpriseId);
  if (!card) throw new NotFoundError(`Enterprise ${enterpriseId} has no fee card; the park office issues it.`);

  const item = await store.getFeeItem(input.feeItemCode);
  const violation = checkCollection(item, { feeItemCode: input.feeItemCode, unit, amount: input.amount, collectedOn });
  if (violation) {
    const attempt: store.RejectedAttempt = {
      id: newId(), enterpriseId, unit, ...input, collectedAt: toLocalIso(collectedAt),
      rule: violation.rule, detail: violation.detail, attemptedAt: toLocalIso(now), attemptedBy: caller.sub,
    };
    await store.recordRejectedAttempt(attempt, collectedOn);
    throw new RuleViolationError(violation.rule, violation.title, violation.detail);
  }
  const feeItem = item as FeeItem;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const entryId = String(card.entryCount + 1).padStart(8, '0');
    const record = {
      entryId, enterpriseId, unit, feeItemCode: feeItem.code, feeItemName: feeItem.name, legalBasis: feeItem.legalBasis,
      standard: feeItem.standard, amount: input.amount, collector: input.collector, collectedAt: toLocalIso(collectedAt),
      receiptNo: input.receiptNo, recordedAt: toLocalIso(now), recordedBy: caller.sub, prevHash: card.headHash,
    };
    const entry: ChainedEntry = { ...record, hash: entryHash(record) };
    if ((await store.appendEntry(entry, card.entryCount, collectedOn)) === 'appended') return entry;
    await backoff(round);
    card = (await store.getCard(enterpriseId)) as store.FeeCard;
  }
  throw new ConflictError('The card is being written by others at this moment; retry the request.', 'card-busy');
}

export async function refuseEntry(
  enterpriseId: string,
  entryId: string,
  input: { reason: string; category?: RefusalCategory },
  caller: Caller,
  { now, newId }: Deps,
) {
  if (caller.ent !== enterpriseId) throw new NotFoundError();
  const entry = await store.getEntry(enterpriseId, Number(entryId));
  if (!entry) throw new NotFoundError();
  const category = input.category ?? 'unregistered-fee';
  const complaint = await prepareComplaint({
    againstDept: entry.unit, category, description: input.reason, source: 'fee-refusal', occurredAt: entry.collectedAt,
    complainant: { sub: caller.sub, enterpriseId }, subject: { type: 'fee-entry', id: `${enterpriseId}/${entryId}` },
  }, { now, newId }, { refusedFeeEntries: 1 });
  const complaintId = complaint.complaint.id;
  const refusal: store.Refusal = {
    entryId, enterpriseId, unit: entry.unit, feeItemCode: entry.feeItemCode, amount: entry.amount,
    reason: input.reason, category, refusedAt: toLocalIso(now), refusedBy: caller.sub, complaintId,
  };
  const alert: Alert = {
    id: newId(), at: toLocalIso(now), severity: 'warning', concern: 'fee-cards', department: entry.unit, kind: 'fee-entry-refused',
    title: `Enterprise refused a ${yuan(entry.amount)} charge by ${entry.unit}`,
    detail: `Enterprise ${enterpriseId} refused entry ${entryId} (${entry.feeItemCode} ${entry.feeItemName}, receipt ${entry.receiptNo}) as ${category}; complaint ${complaintId} is open.`,
    subject: { type: 'fee-entry', id: `${enterpriseId}/${entryId}` },
  };
  await store.recordRefusal(refusal, Number(entryId), localDate(now), [...complaint.writes, ...alertWrites(alert, now, newId)]);
  return { ...refusal, alertId: alert.id, complaint: { id: complaintId, trackingCode: complaint.trackingCode } };
}

/** The audit of a date range: complete totals from counters, and a page of events. */
export async function audit(query: { from: string; to: string; limit: number; cursor?: string }) {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days > 366) throw new BadRequestError('An audit covers at most one year.', [{ path: 'query.to', message: 'Range longer than 366 days' }]);
  const months = monthsBetween(query.from, query.to);
  const fromInstant = startOfLocalDate(query.from).toISOString();
  const toInstant = startOfLocalDate(addDays(query.to, 1)).toISOString();
  const [totals, page] = await Promise.all([
    store.feeTotals(months, query.from, query.to),
    store.auditEventsPage(months, fromInstant, toInstant, query.limit, query.cursor),
  ]);

  const byUnitItem = new Map<string, { unit: string; feeItemCode: string; entries: number; amount: number; refused: number; refusedAmount: number; rejectedAttempts: number }>();
  for (const total of totals) {
    const key = `${total.unit}#${total.feeItemCode}`;
    const row = byUnitItem.get(key) ?? { unit: total.unit, feeItemCode: total.feeItemCode, entries: 0, amount: 0, refused: 0, refusedAmount: 0, rejectedAttempts: 0 };
    if (total.kind === 'ENTRY') { row.entries += total.count; row.amount += total.amount; }
    if (total.kind === 'REFUSED') { row.refused += total.count; row.refusedAmount += total.amount; }
    if (total.kind === 'REJECTED') row.rejectedAttempts += total.count;
    byUnitItem.set(key, row);
  }
  const rows = [...byUnitItem.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.feeItemCode.localeCompare(b.feeItemCode));
  const byUnit = new Map<string, { unit: string; entries: number; amount: number; refused: number; refusedAmount: number; rejectedAttempts: number }>();
  for (const row of rows) {
    const unit = byUnit.get(row.unit) ?? { unit: row.unit, entries: 0, amount: 0, refused: 0, refusedAmount: 0, rejectedAttempts: 0 };
    unit.entries += row.entries; unit.amount += row.amount; unit.refused += row.refused;
    unit.refusedAmount += row.refusedAmount; unit.rejectedAttempts += row.rejectedAttempts;
    byUnit.set(row.unit, unit);
  }

  const events: Record<string, unknown>[] = page.items.map((item) => ({ kind: kindOf(item), ...item }));
  const cardIds = [...new Set(events.filter((event) => event.kind !== 'rejected-attempt').map((event) => event.enterpriseId as string))];
  const chains = await Promise.all(cardIds.map(async (enterpriseId) => {
    const { card, entries } = await store.cardWithEntries(enterpriseId);
    return { enterpriseId, ...(card ? verifyChain(enterpriseId, card, entries) : { valid: false, entries: entries.length, problem: 'the card is missing' }) };
  }));
  return {
    from: query.from, to: query.to,
    totals: { byUnit: [...byUnit.values()], byUnitAndItem: rows },
    items: events,
    chains,
    nextCursor: page.nextCursor,
  };
}

const kindOf = (item: Record<string, unknown>): 'entry' | 'refusal' | 'rejected-attempt' =>
  'rule' in item ? 'rejected-attempt' : 'refusedAt' in item ? 'refusal' : 'entry';

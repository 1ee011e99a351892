/**
 * The fee-card operations: plain typed input, injected clock and ids, the rules in rules.ts
 * and the table access in store.ts.
 */
import { backoff } from '#shared/data/retry';
import { localDate, monthsBetween, startOfLocalDate, addDays, toLocalIso } from '#shared/time/clock';
import { hasRole, seesAll, type Caller, type DepartmentCaller, type EnterpriseCaller } from '#shared/http/auth';
import { keys } from '#shared/data/table';
import type { Alert } from '#shared/alerts/alerts';
import { alertWrites } from '#shared/outbox/raise-alert';
import { prepareComplaint } from '../complaints/intake.ts';
import { COMPLAINT_CATEGORY_WORDS } from '../complaints/rules.ts';
import { alertWords, shortRef } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';
import { requireNamedDepartment } from '../registry/service.ts';
import {
  chainVerifier,
  checkCollection,
  entryHash,
  genesisHash,
  inForceFrom,
  yuan,
  yuanZh,
  type ChainedEntry,
  type ChainStatus,
  type FeeItem,
  type FeeStandard,
  type RefusalCategory,
} from './rules.ts';
import * as store from './store.ts';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '#shared/domain/errors';
import type { Deps } from '#shared/domain/deps';
import { watchedActWrites } from '../accountability/watch.ts';

export async function publishFeeItem(
  input: { code: string; unit: string; name: string; legalBasis: string; standard: FeeStandard; validFrom?: string; validTo?: string },
  { now }: Deps,
): Promise<{ item: FeeItem; created: boolean }> {
  await requireNamedDepartment(input.unit, 'unit');
  // Two publications at once: the one that came second is a revision of the first.
  for (let round = 0; round < 3; round += 1) {
    const previous = await store.getFeeItem(input.code);
    if (previous && previous.unit !== input.unit) {
      throw new Conflict(
        'fee-item-unit-fixed',
        `Fee item ${input.code} belongs to ${previous.unit}; publish a new code for ${input.unit}.`,
      );
    }
    const item = {
      ...input,
      revision: (previous?.revision ?? 0) + 1,
      publishedAt: toLocalIso(now),
      inForceFrom: toLocalIso(inForceFrom(previous, input.validFrom, now)),
    };
    if (await store.putFeeItemRevision(item)) return { item, created: !previous };
  }
  throw new Conflict('fee-item-busy', `Fee item ${input.code} is being revised by others at this moment; retry the request.`);
}

export async function issueCard(input: { enterpriseId: string; enterpriseName: string }, caller: Caller, { now }: Deps) {
  const card: store.FeeCard = {
    ...input,
    issuedAt: toLocalIso(now),
    issuedBy: caller.sub,
    entryCount: 0,
    headHash: genesisHash(input.enterpriseId),
  };
  await store.createCard(card);
  return presentCard(card, { valid: true, entries: 0 }, [], [], false);
}

/**
 * The card as the caller may see it, a page of entries at a time (a department sees only its
 * own, through an index), with the status of the WHOLE card's hash chain.
 * The chain is verified whole on every view: tampering with the table shows only when what is
 * stored is hashed again, wherever on the card it is, so a head kept on the card (which only
 * vouches for writes made through the API) cannot stand in for it. The entries are read a Query
 * page at a time, only their hashed fields, and checked as they stream by: the work grows with
 * the card (about 1 MB read per 1,500 entries), the answer and the memory held do not.
 */
export async function viewCard(enterpriseId: string, caller: Caller, page: { limit: number; cursor?: string }) {
  if (hasRole(caller, 'enterprise') && !seesAllCards(caller) && caller.ent !== enterpriseId) throw new NotFound();
  const card = await store.getCard(enterpriseId);
  if (!card) throw new NotFound();
  const ownOnly = !seesAllCards(caller) && caller.ent !== card.enterpriseId;
  // Neither a card-wide role nor the card's enterprise: a department, which sees only its own entries.
  const ownDepartment = ownOnly ? (caller.dept ?? '') : undefined;
  const [chain, { entries, nextCursor }] = await Promise.all([
    wholeChainStatus(card),
    store.entriesPage(enterpriseId, ownDepartment, page.limit, page.cursor),
  ]);
  const refusals = await store.refusalsOf(
    enterpriseId,
    entries.map((entry) => Number(entry.entryId)),
  );
  return { ...presentCard(card, chain, entries, refusals, ownOnly), ...(nextCursor ? { nextCursor } : {}) };
}

const seesAllCards = (caller: Caller) => seesAll(caller) || hasRole(caller, 'park-office');

/** Verifies every entry of the card against its chain head (see viewCard). */
export async function wholeChainStatus(card: store.FeeCard): Promise<ChainStatus> {
  const verifier = chainVerifier(card.enterpriseId);
  for await (const entries of store.chainEntryPages(card.enterpriseId)) for (const entry of entries) verifier.add(entry);
  // An entry appended after the card was read is no tampering: judge by the head that covers it.
  const head = verifier.seen > card.entryCount ? ((await store.getCard(card.enterpriseId)) ?? card) : card;
  return verifier.finish(head);
}

function presentCard(card: store.FeeCard, chain: ChainStatus, entries: ChainedEntry[], refusals: store.Refusal[], ownOnly: boolean) {
  const refusalsByEntry = new Map(refusals.map((refusal) => [refusal.entryId, refusal]));
  return {
    enterpriseId: card.enterpriseId,
    enterpriseName: card.enterpriseName,
    issuedAt: card.issuedAt,
    entryCount: card.entryCount,
    chain,
    entries: entries.map((entry) => {
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
  caller: DepartmentCaller,
  { now, newId }: Deps,
) {
  const unit = caller.dept;
  const collectedAt = new Date(input.collectedAt);
  if (collectedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new InvalidInput('A collection cannot be recorded before it happens.', [{ field: 'collectedAt', message: 'In the future' }]);
  }
  const collectedOn = localDate(collectedAt);
  let card = await store.getCard(enterpriseId);
  if (!card) throw new NotFound(`Enterprise ${enterpriseId} has no fee card; the park office issues it.`);

  // The standard in force on the day the fee was collected, not today's.
  const item = await store.feeItemInForceOn(input.feeItemCode, collectedOn);
  const violation = checkCollection(item, { feeItemCode: input.feeItemCode, unit, amount: input.amount, collectedOn });
  if (violation) {
    const attempt: store.RejectedAttempt = {
      id: newId(),
      enterpriseId,
      unit,
      ...input,
      collectedAt: toLocalIso(collectedAt),
      rule: violation.rule,
      detail: violation.detail,
      attemptedAt: toLocalIso(now),
      attemptedBy: caller.sub,
    };
    await store.recordRejectedAttempt(attempt, collectedOn);
    throw new RuleViolation(violation);
  }
  const feeItem = item as FeeItem;
  // The retaliation watch: one read; the act is the receipt (unique per unit), so a retry flags nothing more.
  const watched = await watchedActWrites(
    { type: 'fee-entry-recorded', id: `${unit}/${input.receiptNo}`, dept: unit, enterpriseId },
    { now, newId },
  );
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const entryId = keys.entryIdOf(card.entryCount + 1);
    const record = {
      entryId,
      enterpriseId,
      unit,
      feeItemCode: feeItem.code,
      feeItemName: feeItem.name,
      legalBasis: feeItem.legalBasis,
      standard: feeItem.standard,
      amount: input.amount,
      collector: input.collector,
      collectedAt: toLocalIso(collectedAt),
      receiptNo: input.receiptNo,
      recordedAt: toLocalIso(now),
      recordedBy: caller.sub,
      prevHash: card.headHash,
    };
    const entry: ChainedEntry = { ...record, hash: entryHash(record) };
    if ((await store.appendEntry(entry, card.entryCount, collectedOn, watched)) === 'appended') return entry;
    await backoff(round);
    const reread = await store.getCard(enterpriseId);
    if (!reread) throw new NotFound();
    card = reread;
  }
  throw new Conflict('card-busy', 'The card is being written by others at this moment; retry the request.');
}

export async function refuseEntry(
  enterpriseId: string,
  entryId: string,
  input: { reason: string; category?: RefusalCategory },
  caller: EnterpriseCaller,
  { now, newId }: Deps,
) {
  if (caller.ent !== enterpriseId) throw new NotFound();
  const entry = await store.getEntry(enterpriseId, Number(entryId));
  if (!entry) throw new NotFound();
  const category = input.category ?? 'unregistered-fee';
  const complaint = await prepareComplaint(
    {
      againstDept: entry.unit,
      category,
      description: input.reason,
      source: 'fee-refusal',
      occurredAt: entry.collectedAt,
      complainant: { sub: caller.sub, enterpriseId },
      subject: { type: 'fee-entry', id: `${enterpriseId}/${entryId}` },
    },
    { now, newId },
    { refusedFeeEntries: 1 },
  );
  const complaintId = complaint.complaint.id;
  const [unit, enterprise] = await Promise.all([departmentName(entry.unit), enterpriseName(enterpriseId)]);
  const [categoryZh, categoryEn] = COMPLAINT_CATEGORY_WORDS[category];
  const refusal: store.Refusal = {
    entryId,
    enterpriseId,
    unit: entry.unit,
    feeItemCode: entry.feeItemCode,
    amount: entry.amount,
    reason: input.reason,
    category,
    refusedAt: toLocalIso(now),
    refusedBy: caller.sub,
    complaintId,
  };
  const alert: Alert = {
    id: newId(),
    at: toLocalIso(now),
    severity: 'warning',
    concern: 'fee-cards',
    department: entry.unit,
    kind: 'fee-entry-refused',
    ...alertWords(
      {
        zh: `企业拒付${unit}的一笔${yuanZh(entry.amount)}收费：${enterprise}`,
        en: `${enterprise} refused a ${yuan(entry.amount)} charge by ${unit}`,
      },
      {
        zh: `${enterprise}拒付${unit}收取的「${entry.feeItemName}」（${entry.feeItemCode}，收据${entry.receiptNo}），理由为「${categoryZh}」，已立案投诉（编号 ${shortRef(complaintId)}）。`,
        en: `${enterprise} refused the charge "${entry.feeItemName}" (${entry.feeItemCode}, receipt ${entry.receiptNo}) collected by ${unit} as "${categoryEn}"; a complaint (ref. ${shortRef(complaintId)}) is open.`,
      },
    ),
    subject: { type: 'fee-entry', id: `${enterpriseId}/${entryId}` },
  };
  await store.recordRefusal(refusal, Number(entryId), localDate(now), [...complaint.writes, ...alertWrites(alert, { now, newId })]);
  return { ...refusal, alertId: alert.id, complaint: { id: complaintId, trackingCode: complaint.trackingCode } };
}

/** The audit of a date range: complete totals from counters, and a page of events. */
export async function audit(query: { from: string; to: string; limit: number; cursor?: string }) {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days > 366) throw new InvalidInput('An audit covers at most one year.', [{ field: 'to', message: 'Range longer than 366 days' }]);
  const months = monthsBetween(query.from, query.to);
  const fromInstant = startOfLocalDate(query.from).toISOString();
  const toInstant = startOfLocalDate(addDays(query.to, 1)).toISOString();
  const [totals, page] = await Promise.all([
    store.feeTotals(months, query.from, query.to),
    store.auditEventsPage(months, fromInstant, toInstant, query.limit, query.cursor),
  ]);

  const byUnitItem = new Map<
    string,
    { unit: string; feeItemCode: string; entries: number; amount: number; refused: number; refusedAmount: number; rejectedAttempts: number }
  >();
  for (const total of totals) {
    const key = `${total.unit}#${total.feeItemCode}`;
    const row = byUnitItem.get(key) ?? {
      unit: total.unit,
      feeItemCode: total.feeItemCode,
      entries: 0,
      amount: 0,
      refused: 0,
      refusedAmount: 0,
      rejectedAttempts: 0,
    };
    if (total.kind === 'ENTRY') {
      row.entries += total.count;
      row.amount += total.amount;
    }
    if (total.kind === 'REFUSED') {
      row.refused += total.count;
      row.refusedAmount += total.amount;
    }
    if (total.kind === 'REJECTED') row.rejectedAttempts += total.count;
    byUnitItem.set(key, row);
  }
  const rows = [...byUnitItem.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.feeItemCode.localeCompare(b.feeItemCode));
  const byUnit = new Map<
    string,
    { unit: string; entries: number; amount: number; refused: number; refusedAmount: number; rejectedAttempts: number }
  >();
  for (const row of rows) {
    const unit = byUnit.get(row.unit) ?? { unit: row.unit, entries: 0, amount: 0, refused: 0, refusedAmount: 0, rejectedAttempts: 0 };
    unit.entries += row.entries;
    unit.amount += row.amount;
    unit.refused += row.refused;
    unit.refusedAmount += row.refusedAmount;
    unit.rejectedAttempts += row.rejectedAttempts;
    byUnit.set(row.unit, unit);
  }

  const events: Record<string, unknown>[] = page.items.map((item) => ({ kind: kindOf(item), ...item }));
  const cardIds = [...new Set(events.filter((event) => event.kind !== 'rejected-attempt').map((event) => event.enterpriseId as string))];
  const chains = await Promise.all(
    cardIds.map(async (enterpriseId) => {
      const card = await store.getCard(enterpriseId);
      return { enterpriseId, ...(card ? await wholeChainStatus(card) : { valid: false, entries: 0, problem: 'the card is missing' }) };
    }),
  );
  return {
    from: query.from,
    to: query.to,
    totals: { byUnit: [...byUnit.values()], byUnitAndItem: rows },
    items: events,
    chains,
    nextCursor: page.nextCursor,
  };
}

const kindOf = (item: object): 'entry' | 'refusal' | 'rejected-attempt' =>
  'rule' in item ? 'rejected-attempt' : 'refusedAt' in item ? 'refusal' : 'entry';

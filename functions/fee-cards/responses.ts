/** What the fee-card routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { dateOut, fenOut, instantOut, openedComplaint, pageOf } from '#shared/http/responses';

const standard = z.union([
  z.object({ kind: z.literal('fixed'), amount: fenOut }),
  z.object({ kind: z.literal('range'), min: fenOut, max: fenOut }),
]);

export const feeItemView = z
  .looseObject({
    code: z.string(),
    unit: z.string(),
    name: z.string(),
    legalBasis: z.string(),
    standard,
    validFrom: z.optional(dateOut),
    validTo: z.optional(dateOut),
    revision: z.int(),
    publishedAt: instantOut,
    inForceFrom: z.optional(instantOut),
  })
  .check(
    z.meta({
      examples: [
        {
          code: 'SJ-001',
          unit: 'market-regulation',
          name: '计量器具检定费',
          legalBasis: '《中华人民共和国计量法》第九条',
          standard: { kind: 'range', min: 5000, max: 20000 },
          revision: 1,
          publishedAt: '2026-11-20T09:30:00.000+08:00',
          inForceFrom: '2026-11-20T09:30:00.000+08:00',
        },
      ],
    }),
  );

export const chainStatus = z.looseObject({ valid: z.boolean(), entries: z.int(), problem: z.optional(z.string()) });

export const entryView = z.looseObject({
  entryId: z.string(),
  enterpriseId: z.string(),
  unit: z.string(),
  feeItemCode: z.string(),
  feeItemName: z.string(),
  legalBasis: z.string(),
  standard,
  amount: fenOut,
  collector: z.string(),
  collectedAt: instantOut,
  receiptNo: z.string(),
  recordedAt: instantOut,
  recordedBy: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const refusalView = z.looseObject({
  entryId: z.string(),
  enterpriseId: z.string(),
  unit: z.string(),
  feeItemCode: z.string(),
  amount: fenOut,
  reason: z.string(),
  category: z.string(),
  refusedAt: instantOut,
  refusedBy: z.string(),
  complaintId: z.string(),
});

/** A card with one page of its entries (`nextCursor` when more remain); `chain` is the whole card's. */
export const cardView = z.looseObject({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  issuedAt: instantOut,
  entryCount: z.int(),
  chain: chainStatus,
  nextCursor: z.optional(z.string()),
  entries: z.array(
    z.looseObject({
      ...entryView.shape,
      refused: z.boolean(),
      // The department complained about sees only when the charge was refused.
      refusal: z.optional(z.union([refusalView, z.looseObject({ refusedAt: instantOut })])),
    }),
  ),
});

const totals = { entries: z.int(), amount: fenOut, refused: z.int(), refusedAmount: fenOut, rejectedAttempts: z.int() };

export const auditView = z.looseObject({
  from: dateOut,
  to: dateOut,
  totals: z.looseObject({
    byUnit: z.array(z.looseObject({ unit: z.string(), ...totals })),
    byUnitAndItem: z.array(z.looseObject({ unit: z.string(), feeItemCode: z.string(), ...totals })),
  }),
  items: z.array(
    z.looseObject({
      kind: z.enum(['entry', 'refusal', 'rejected-attempt']),
      enterpriseId: z.string(),
      unit: z.string(),
      feeItemCode: z.string(),
      amount: fenOut,
    }),
  ),
  chains: z.array(z.looseObject({ enterpriseId: z.string(), ...chainStatus.shape })),
  nextCursor: z.optional(z.string()),
});

export const feeCardResponses = {
  feeItem: feeItemView,
  feeItems: pageOf(feeItemView),
  card: cardView,
  entry: entryView,
  refusal: z.looseObject({ ...refusalView.shape, alertId: z.string(), complaint: openedComplaint }),
  audit: auditView,
};

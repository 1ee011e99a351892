/** What the fee-card routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { dateOut, example, fenOut, instantOut, openedComplaint, pageOf, shown } from '#shared/http/responses';
import { chargeFields, entryFields, feeItemFields, refusalFields } from './records.ts';

/** The fee item the API document shows (the demo publishes it too). */
export const sampleFeeItem = {
  code: 'SJ-001',
  unit: 'market-regulation',
  name: '计量器具检定费',
  legalBasis: '《中华人民共和国计量法》第九条',
  standard: { kind: 'range', min: 5000, max: 20000 },
};

export const feeItemView = z.looseObject(feeItemFields(shown)).check(
  example({
    ...sampleFeeItem,
    revision: 1,
    publishedAt: '2026-11-20T09:30:00.000+08:00',
    inForceFrom: '2026-11-20T00:00:00.000+08:00',
  }),
);

export const chainStatus = z.looseObject({ valid: z.boolean(), entries: z.int(), problem: z.optional(z.string()) });

export const entryView = z.looseObject(entryFields(shown));

const refusalView = z.looseObject(refusalFields(shown));

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
  items: z.array(z.looseObject({ kind: z.enum(['entry', 'refusal', 'rejected-attempt']), ...chargeFields, amount: fenOut })),
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

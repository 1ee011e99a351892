import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { creditCodeSchema, deptIdSchema, fen, instantSchema, localDateSchema, pageQuery, text } from '#shared/http/validation';
import { REFUSAL_CATEGORIES } from './rules.ts';
import { feeCardResponses as out } from './responses.ts';

const feeItemCode = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Expected a code of letters, digits, dot, dash or underscore'));

const standard = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), amount: fen }),
    z.strictObject({ kind: z.literal('range'), min: fen, max: fen }),
  ])
  .check(z.refine((s) => s.kind !== 'range' || s.min <= s.max, { error: 'min must not exceed max', path: ['max'] }));

/** What validFrom means (the rule is inForceFrom in rules.ts). */
const IN_FORCE_BY_DATES =
  "The date (执行日期) this publication or revision takes effect. A fee list is in force by whole local dates (China Standard Time): it takes effect from the first hour of this date, by default the day it is published, and a collection is checked against what is in force on the collection's date. Entries already recorded keep the standard they met.";

export const feeCardRoutes = defineRoutes('fee-cards', {
  putFeeItem: {
    response: out.feeItem,
    method: 'PUT',
    path: '/fee-items/{code}',
    roles: ['soft-env-office'],
    summary: 'Publish or revise a fee item on the fee list, in force by whole local dates from its validFrom date',
    params: z.strictObject({ code: feeItemCode }),
    body: z
      .strictObject({
        unit: deptIdSchema,
        name: text(200),
        legalBasis: text(500),
        standard,
        validFrom: z.optional(localDateSchema.check(z.meta({ description: IN_FORCE_BY_DATES }))),
        validTo: z.optional(localDateSchema),
      })
      .check(
        z.refine((b) => !b.validFrom || !b.validTo || b.validFrom <= b.validTo, {
          error: 'validTo is before validFrom',
          path: ['validTo'],
        }),
      ),
  },
  listFeeItems: {
    response: out.feeItems,
    method: 'GET',
    path: '/fee-items',
    roles: 'public',
    summary: 'The published fee list',
    query: z.strictObject({ unit: z.optional(deptIdSchema), ...pageQuery }),
  },
  issueCard: {
    response: out.card,
    method: 'POST',
    path: '/fee-cards',
    roles: ['park-office'],
    summary: 'Issue an enterprise its fee registration card',
    creates: true,
    body: z.strictObject({ enterpriseId: creditCodeSchema, enterpriseName: text(200) }),
  },
  getCard: {
    response: out.card,
    method: 'GET',
    path: '/fee-cards/{enterpriseId}',
    roles: ['enterprise', 'park-office', 'soft-env-office', 'supervisor', 'department'],
    summary: 'A fee card, a page of its entries and whether its whole hash chain verifies',
    params: z.strictObject({ enterpriseId: creditCodeSchema }),
    query: z.strictObject(pageQuery),
  },
  recordEntry: {
    response: out.entry,
    method: 'POST',
    path: '/fee-cards/{enterpriseId}/entries',
    roles: ['department'],
    summary: 'Record a fee collected at the enterprise',
    creates: true,
    params: z.strictObject({ enterpriseId: creditCodeSchema }),
    body: z.strictObject({
      feeItemCode,
      amount: fen,
      collector: text(100),
      collectedAt: instantSchema,
      receiptNo: z
        .string()
        .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'Expected a receipt number of letters, digits and . _ / -')),
    }),
  },
  refuseEntry: {
    response: out.refusal,
    method: 'POST',
    path: '/fee-cards/{enterpriseId}/entries/{entryId}/refusal',
    roles: ['enterprise'],
    summary: 'The enterprise refuses or disputes a recorded charge',
    creates: true,
    params: z.strictObject({ enterpriseId: creditCodeSchema, entryId: z.string().check(z.regex(/^\d{8}$/, 'Expected an entry id')) }),
    body: z.strictObject({ reason: text(2000), category: z.optional(z.enum(REFUSAL_CATEGORIES)) }),
  },
  feeAudit: {
    response: out.audit,
    csv: true,
    method: 'GET',
    path: '/fee-audit',
    roles: ['soft-env-office', 'supervisor'],
    summary: 'Totals by unit and item, refusals, rejected attempts and chain status for a date range',
    query: z
      .strictObject({ from: localDateSchema, to: localDateSchema, ...pageQuery })
      .check(z.refine((q) => q.from <= q.to, { error: 'from is after to', path: ['to'] })),
  },
});

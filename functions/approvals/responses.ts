/** What the approval-item routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { instantOut, pageOf } from '#shared/http/responses';

export const approvalItemView = z.looseObject({
  code: z.string(),
  dept: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  statutoryDays: z.int(),
  pledgedDays: z.int(),
  materials: z.array(z.string()),
  /** The item's real record: decisions, how many on time, the median working days taken. */
  performance: z.looseObject({ decided: z.int(), onTime: z.int(), medianWorkingDays: z.nullable(z.number()) }),
  updatedAt: instantOut,
});

export const approvalResponses = { item: approvalItemView, items: pageOf(approvalItemView) };

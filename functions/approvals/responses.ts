/** What the approval-item routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { instantOut, pageOf, shown } from '#shared/http/responses';
import { itemFields } from './records.ts';

export const approvalItemView = z.looseObject({
  ...itemFields(shown),
  /** The item's real record: decisions, how many on time, the median working days taken. */
  performance: z.looseObject({ decided: z.int(), onTime: z.int(), medianWorkingDays: z.nullable(z.number()) }),
  updatedAt: instantOut,
});

export const approvalResponses = { item: approvalItemView, items: pageOf(approvalItemView) };

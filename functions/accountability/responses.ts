/** What the accountability routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { instantOut, pageOf, shown } from '#shared/http/responses';
import { caseFields, findingFields, flagFields, noticeFields } from './records.ts';

export const findingView = z.looseObject({ ...findingFields(shown), responseDueBy: z.optional(instantOut) });
export const caseView = z.looseObject({ ...caseFields(shown), investigationDueBy: instantOut });
export const noticeView = z.looseObject(noticeFields(shown));
export const flagView = z.looseObject({ ...flagFields(shown), caseId: z.optional(z.string()) });

export const accountabilityResponses = {
  finding: findingView,
  findings: pageOf(findingView),
  case: caseView,
  cases: pageOf(caseView),
  notices: pageOf(noticeView),
  flag: flagView,
  flags: pageOf(flagView),
};

/** What the registry's routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { CONCERNS, SEVERITIES } from '#shared/alert-types';
import { dateOut, instantOut, pageOf } from '#shared/http/responses';

export const healthView = z.object({ status: z.literal('ok'), now: instantOut });

export const departmentView = z.looseObject({ deptId: z.string(), name: z.string(), registeredAt: instantOut, updatedAt: instantOut });

export const calendarView = z.looseObject({
  year: z.int(),
  holidays: z.array(dateOut),
  workdays: z.array(dateOut),
  source: z.enum(['office', 'official', 'fallback-weekends']),
  note: z.optional(z.string()),
});

export const alertView = z.looseObject({
  id: z.string(), at: instantOut, severity: z.enum(SEVERITIES), concern: z.enum(CONCERNS), department: z.string(),
  kind: z.string(), title: z.string(), detail: z.string(), subject: z.looseObject({ type: z.string(), id: z.string() }),
});

export const registryResponses = {
  health: healthView,
  department: departmentView,
  departments: pageOf(departmentView),
  calendar: calendarView,
  alerts: pageOf(alertView),
};

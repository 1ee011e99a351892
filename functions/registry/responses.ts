/** What the registry's routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { alertFields } from '#shared/alerts/alert-record';
import { dateOut, example, instantOut, pageOf, shown } from '#shared/http/responses';

export const healthView = z
  .object({ status: z.literal('ok'), now: instantOut })
  .check(example({ status: 'ok', now: '2026-11-20T09:30:00.000+08:00' }));

export const departmentView = z
  .looseObject({ deptId: z.string(), name: z.string(), registeredAt: instantOut, updatedAt: instantOut })
  .check(
    example({
      deptId: 'market-regulation',
      name: '市场监督管理局',
      registeredAt: '2026-11-20T09:30:00.000+08:00',
      updatedAt: '2026-11-20T09:30:00.000+08:00',
    }),
  );

export const calendarView = z.looseObject({
  year: z.int(),
  holidays: z.array(dateOut),
  workdays: z.array(dateOut),
  source: z.enum(['office', 'official', 'fallback-weekends']),
  note: z.optional(z.string()),
});

export const alertView = z.looseObject({
  ...alertFields(shown),
  subject: z.looseObject({ type: z.string(), id: z.string() }),
});

export const registryResponses = {
  health: healthView,
  department: departmentView,
  departments: pageOf(departmentView),
  calendar: calendarView,
  alerts: pageOf(alertView),
};

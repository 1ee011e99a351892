import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, localDateSchema, pageQuery, text } from '#shared/http/validation';
import { CONCERNS, SEVERITIES } from '#shared/alerts/alert-types';
import { registryResponses as out } from './responses.ts';

const yearParams = z.strictObject({
  year: z.pipe(z.string().check(z.regex(/^20\d\d$/, 'Expected a year like 2026')), z.transform(Number)),
});
const dates = z.array(localDateSchema).check(z.maxLength(366));

/** The registry: departments, the county calendar, alerts, and the health check (the clock the handlers use). */
export const registryRoutes = defineRoutes('registry', {
  health: { response: out.health, method: 'GET', path: '/health', roles: 'public', summary: "Health and the handlers' clock" },
  putDepartment: {
    response: out.department,
    method: 'PUT',
    path: '/departments/{deptId}',
    roles: ['soft-env-office'],
    summary: 'Register or rename a department',
    params: z.strictObject({ deptId: deptIdSchema }),
    body: z.strictObject({ name: text(100) }),
  },
  listDepartments: {
    response: out.departments,
    method: 'GET',
    path: '/departments',
    roles: 'public',
    summary: 'The departments',
    query: z.strictObject({ ...pageQuery }),
  },
  putCalendar: {
    response: out.calendar,
    method: 'PUT',
    path: '/calendar/{year}',
    roles: ['soft-env-office'],
    summary: "Set a year's public holidays and the weekend days made working days (调休)",
    params: yearParams,
    body: z.strictObject({ holidays: dates, workdays: dates }),
  },
  getCalendar: {
    response: out.calendar,
    method: 'GET',
    path: '/calendar/{year}',
    roles: 'public',
    summary: "A year's working-day calendar and where it comes from",
    params: yearParams,
  },
  listAlerts: {
    response: out.alerts,
    method: 'GET',
    path: '/alerts',
    roles: ['supervisor', 'soft-env-office'],
    summary: 'Alerts sent, newest first',
    query: z.strictObject({
      severity: z.optional(z.enum(SEVERITIES)),
      dept: z.optional(z.string().check(z.maxLength(48))),
      concern: z.optional(z.enum(CONCERNS)),
      ...pageQuery,
    }),
  },
});

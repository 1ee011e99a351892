import { createHttpHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/validation';
import { toLocalIso } from '#shared/clock';
import { calendarYear, putCalendarYear } from '#shared/calendar-store';
import { registryRoutes } from './routes.ts';
import { departmentsPage, putDepartment } from './departments.ts';
import { alertsPage } from './alerts.ts';
import { openApiDocument } from '#infra/openapi';
import { InvalidInput } from '#shared/errors';

export const handler = createHttpHandler({
  concern: registryRoutes,
  operations: {
    health: async ({ now }) => ({ status: 200, body: { status: 'ok', now: toLocalIso(now) } }),
    putDepartment: async ({ params, body, now }) => {
      const { department, created } = await putDepartment(params.deptId, body.name, now);
      return { status: created ? 201 : 200, body: department };
    },
    listDepartments: async ({ query }) => ({ status: 200, body: await departmentsPage(pageLimit(query.limit), query.cursor) }),
    putCalendar: async ({ params, body, caller, now }) => {
      const outside = [...body.holidays, ...body.workdays].filter((date) => !date.startsWith(`${params.year}-`));
      const both = body.holidays.filter((date) => body.workdays.includes(date));
      if (outside.length || both.length) {
        throw new InvalidInput('Every date must be in the year, and no date both a holiday and a working day.', [
          ...outside.map((date) => ({ message: `${date} is not in ${params.year}` })),
          ...both.map((date) => ({ message: `${date} is both a holiday and a working day` })),
        ]);
      }
      const calendar = await putCalendarYear({ year: params.year, holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() }, caller?.sub ?? 'office', now);
      return { status: 200, body: calendar };
    },
    getCalendar: async ({ params, now }) => {
      const calendar = await calendarYear(params.year, now);
      const note = {
        office: 'Set by the soft-environment office.',
        official: 'The State Council holiday calendar as published.',
        provisional: `The State Council has not published ${params.year} yet: the statutory public holidays stand in (without the published bridges and 调休 working days) until the soft-environment office sets the year.`,
        'fallback-weekends': `No calendar for ${params.year} is published yet: only Saturdays and Sundays count as days off until the soft-environment office sets the year.`,
      }[calendar.source];
      return { status: 200, body: { ...calendar, note } };
    },
    openApi: async () => ({ status: 200, body: openApiDocument() }),
    listAlerts: async ({ query }) => ({ status: 200, body: await alertsPage(query, pageLimit(query.limit), query.cursor) }),
  },
});

import { createHttpHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/validation';
import { toLocalIso } from '#shared/time/clock';
import { alertsPage } from '#shared/alerts/alert-listing';
import { registryRoutes } from './routes.ts';
import * as registry from './service.ts';

export const handler = createHttpHandler({
  concern: registryRoutes,
  operations: {
    health: ({ now }) => Promise.resolve({ status: 200, body: { status: 'ok', now: toLocalIso(now) } }),
    putDepartment: async ({ params, body, now }) => {
      const { department, created } = await registry.putDepartment(params.deptId, body.name, now);
      return { status: created ? 201 : 200, body: department };
    },
    listDepartments: async ({ query }) => ({ status: 200, body: await registry.departmentsPage(pageLimit(query.limit), query.cursor) }),
    putCalendar: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await registry.setCalendarYear(params.year, body, caller.sub, now),
    }),
    getCalendar: async ({ params, now }) => ({ status: 200, body: await registry.viewCalendarYear(params.year, now) }),
    listAlerts: async ({ query }) => ({ status: 200, body: await alertsPage(query, pageLimit(query.limit), query.cursor) }),
  },
});

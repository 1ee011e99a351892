import { createHttpHandler } from '#shared/http/handler';
import { reply } from '#shared/http/reply';
import { toLocalIso } from '#shared/time/clock';
import { alertsPage } from '#shared/alerts/alert-listing';
import { registryRoutes } from './routes.ts';
import * as registry from './service.ts';

export const handler = createHttpHandler({
  concern: registryRoutes,
  operations: {
    health: ({ now }) => Promise.resolve({ status: 'ok', now: toLocalIso(now) }),
    putDepartment: async ({ params, body, now }) => {
      const { department, created } = await registry.putDepartment(params.deptId, body.name, now);
      return reply({ status: created ? 201 : 200, body: department });
    },
    listDepartments: ({ query }) => registry.departmentsPage(query.limit, query.cursor),
    putCalendar: ({ params, body, caller, now }) => registry.setCalendarYear(params.year, body, caller.sub, now),
    getCalendar: ({ params, now }) => registry.viewCalendarYear(params.year, now),
    listAlerts: ({ query }) => alertsPage(query, query.limit, query.cursor),
  },
});

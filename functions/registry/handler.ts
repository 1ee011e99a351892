import { createHttpHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/validation';
import { toLocalIso } from '#shared/clock';
import { registryRoutes } from './routes.ts';
import { departmentsPage, putDepartment } from './departments.ts';

export const handler = createHttpHandler({
  concern: registryRoutes,
  operations: {
    health: async ({ now }) => ({ status: 200, body: { status: 'ok', now: toLocalIso(now) } }),
    putDepartment: async ({ params, body, now }) => {
      const { department, created } = await putDepartment(params.deptId, body.name, now);
      return { status: created ? 201 : 200, body: department };
    },
    listDepartments: async ({ query }) => ({ status: 200, body: await departmentsPage(pageLimit(query.limit), query.cursor) }),
  },
});

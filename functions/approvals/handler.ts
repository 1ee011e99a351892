import { createHttpHandler } from '#shared/http/handler';
import { reply } from '#shared/http/reply';
import { approvalRoutes } from './routes.ts';
import { getItem, itemsPage, putItem } from './store.ts';
import { pledgedLimitRule } from '../applications/rules.ts';
import { requireNamedDepartment } from '../registry/service.ts';
import { NotFound, RuleViolation } from '#shared/domain/errors';

export const handler = createHttpHandler({
  concern: approvalRoutes,
  operations: {
    putItem: async ({ params, body, caller, now }) => {
      const violation = pledgedLimitRule(body);
      if (violation) throw new RuleViolation(violation);
      await requireNamedDepartment(body.dept, 'dept');
      const { item, created } = await putItem(params.code, body, caller.sub, now);
      return reply({ status: created ? 201 : 200, body: item });
    },
    listItems: ({ query }) => itemsPage(query.dept, query.limit, query.cursor),
    getItem: async ({ params }) => {
      const item = await getItem(params.code);
      if (!item) throw new NotFound();
      return item;
    },
  },
});

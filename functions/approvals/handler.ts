import { createHttpHandler } from '#shared/http/handler';
import { reply } from '#shared/http/reply';
import { approvalRoutes } from './routes.ts';
import * as approvals from './service.ts';

export const handler = createHttpHandler({
  concern: approvalRoutes,
  operations: {
    putItem: async ({ params, body, caller, now }) => {
      const { item, created } = await approvals.publishItem(params.code, body, caller.sub, now);
      return reply({ status: created ? 201 : 200, body: item });
    },
    listItems: ({ query }) => approvals.listItems(query),
    getItem: ({ params }) => approvals.viewItem(params.code),
  },
});

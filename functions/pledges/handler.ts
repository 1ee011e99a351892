import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { pledgeRoutes } from './routes.ts';
import * as pledges from './service.ts';

export const handler = createHttpHandler({
  concern: pledgeRoutes,
  idempotency,
  operations: {
    makePledge: ({ body, caller, deps }) => pledges.makePledge(body, caller, deps),
    listPledges: ({ query }) => pledges.listPledges({ ...query, limit: pageLimit(query.limit) }),
    getPledge: ({ params, now }) => pledges.viewPledge(params.id, now),
    reviewPledge: ({ params, body, caller, deps }) => pledges.review(params.id, body, caller, deps),
  },
});

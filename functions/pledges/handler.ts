import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pledgeRoutes } from './routes.ts';
import * as pledges from './service.ts';

export const handler = createHttpHandler({
  concern: pledgeRoutes,
  idempotency,
  operations: {
    makePledge: ({ body, caller, deps }) => pledges.makePledge(body, caller, deps),
    listPledges: ({ query }) => pledges.listPledges(query),
    getPledge: ({ params, now }) => pledges.viewPledge(params.id, now),
    reviewPledge: ({ params, body, caller, deps }) => pledges.review(params.id, body, caller, deps),
  },
});

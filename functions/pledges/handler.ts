import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { pledgeRoutes } from './routes.ts';
import * as pledges from './service.ts';

export const handler = createHttpHandler({
  concern: pledgeRoutes,
  idempotency,
  operations: {
    makePledge: async ({ body, caller, now }) => ({ status: 201, body: await pledges.makePledge(body, caller, { now, newId }) }),
    listPledges: async ({ query }) => ({ status: 200, body: await pledges.listPledges({ ...query, limit: pageLimit(query.limit) }) }),
    getPledge: async ({ params, now }) => ({ status: 200, body: await pledges.viewPledge(params.id, now) }),
    reviewPledge: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await pledges.review(params.id, body, caller, { now, newId }),
    }),
  },
});

import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { applicationRoutes } from './routes.ts';
import * as applications from './service.ts';

export const handler = createHttpHandler({
  concern: applicationRoutes,
  idempotency,
  operations: {
    fileApplication: async ({ body, caller, now }) => ({
      status: 201,
      body: await applications.fileApplication(body, caller, { now, newId }),
    }),
    listApplications: async ({ query, caller, now }) => ({
      status: 200,
      body: await applications.listApplications({ ...query, limit: pageLimit(query.limit) }, caller, now),
    }),
    getApplication: async ({ params, caller, now }) => ({ status: 200, body: await applications.viewApplication(params.id, caller, now) }),
    acceptApplication: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await applications.acceptOrNotify(params.id, body, caller, { now, newId }),
    }),
    supplyApplicationMaterials: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await applications.supplyMaterials(params.id, body, caller, { now, newId }),
    }),
    applicationDelayNotice: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await applications.giveDelayNotice(params.id, body, caller, { now, newId }),
    }),
    decideApplication: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await applications.decide(params.id, body, caller, { now, newId }),
    }),
    rateApplication: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await applications.rate(params.id, body, caller, { now, newId }),
    }),
  },
});

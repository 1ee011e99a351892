import { createHttpHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/validation';
import type { Caller } from '#shared/http/auth';
import { newId } from '#shared/ids';
import { applicationRoutes } from './routes.ts';
import * as applications from './service.ts';

export const handler = createHttpHandler({
  concern: applicationRoutes,
  operations: {
    fileApplication: async ({ body, caller, now }) => ({ status: 201, body: await applications.fileApplication(body, caller as Caller, { now, newId }) }),
    listApplications: async ({ query, caller }) => ({ status: 200, body: await applications.listApplications({ ...query, limit: pageLimit(query.limit) }, caller as Caller) }),
    getApplication: async ({ params, caller }) => ({ status: 200, body: await applications.viewApplication(params.id, caller as Caller) }),
    acceptApplication: async ({ params, body, caller, now }) => ({ status: 200, body: await applications.acceptOrNotify(params.id, body, caller as Caller, { now, newId }) }),
    supplyApplicationMaterials: async ({ params, body, caller, now }) => ({ status: 200, body: await applications.supplyMaterials(params.id, body, caller as Caller, { now, newId }) }),
    applicationDelayNotice: async ({ params, body, caller, now }) => ({ status: 200, body: await applications.giveDelayNotice(params.id, body, caller as Caller, { now, newId }) }),
    decideApplication: async ({ params, body, caller, now }) => ({ status: 200, body: await applications.decide(params.id, body, caller as Caller, { now, newId }) }),
    rateApplication: async ({ params, body, caller, now }) => ({ status: 200, body: await applications.rate(params.id, body, caller as Caller, { now, newId }) }),
  },
});

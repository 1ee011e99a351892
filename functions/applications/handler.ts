import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { applicationRoutes } from './routes.ts';
import * as applications from './service.ts';

export const handler = createHttpHandler({
  concern: applicationRoutes,
  idempotency,
  operations: {
    fileApplication: ({ body, caller, deps }) => applications.fileApplication(body, caller, deps),
    listApplications: ({ query, caller, now }) => applications.listApplications(query, caller, now),
    getApplication: ({ params, caller, now }) => applications.viewApplication(params.id, caller, now),
    acceptApplication: ({ params, body, caller, deps }) => applications.acceptOrNotify(params.id, body, caller, deps),
    supplyApplicationMaterials: ({ params, body, caller, deps }) => applications.supplyMaterials(params.id, body, caller, deps),
    applicationDelayNotice: ({ params, body, caller, deps }) => applications.giveDelayNotice(params.id, body, caller, deps),
    decideApplication: ({ params, body, caller, deps }) => applications.decide(params.id, body, caller, deps),
    rateApplication: ({ params, body, caller, deps }) => applications.rate(params.id, body, caller, deps),
  },
});

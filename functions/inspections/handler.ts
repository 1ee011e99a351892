import { createHttpHandler } from '#shared/http/handler';
import { pageLimit } from '#shared/http/validation';
import type { Caller } from '#shared/http/auth';
import { newId } from '#shared/ids';
import { inspectionRoutes } from './routes.ts';
import * as inspections from './service.ts';

export const handler = createHttpHandler({
  concern: inspectionRoutes,
  operations: {
    fileInspection: async ({ body, caller, now }) => ({ status: 201, body: await inspections.fileInspection(body, caller as Caller, { now, newId }) }),
    listInspections: async ({ query, caller }) => ({ status: 200, body: await inspections.listInspections({ ...query, limit: pageLimit(query.limit) }, caller as Caller) }),
    getInspection: async ({ params, caller }) => ({ status: 200, body: await inspections.viewInspection(params.id, caller as Caller) }),
    decideInspection: async ({ params, body, caller, now }) => ({ status: 200, body: await inspections.decide(params.id, body, caller as Caller, { now, newId }) }),
    recordVisit: async ({ params, body, caller, now }) => ({ status: 201, body: await inspections.recordVisit(params.id, body, caller as Caller, { now, newId }) }),
    recordOutcome: async ({ params, body, caller, now }) => ({ status: 201, body: await inspections.recordOutcome(params.id, body, caller as Caller, { now, newId }) }),
    findingsRegister: async ({ params, query, caller }) => ({
      status: 200, body: await inspections.findingsRegister(params.enterpriseId, { ...query, limit: pageLimit(query.limit) }, caller as Caller),
    }),
  },
});

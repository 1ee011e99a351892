import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { inspectionRoutes } from './routes.ts';
import * as inspections from './service.ts';

export const handler = createHttpHandler({
  concern: inspectionRoutes,
  idempotency,
  operations: {
    fileInspection: async ({ body, caller, now }) => ({
      status: 201,
      body: await inspections.fileInspection(body, caller, { now, newId }),
    }),
    listInspections: async ({ query, caller }) => ({
      status: 200,
      body: await inspections.listInspections({ ...query, limit: pageLimit(query.limit) }, caller),
    }),
    getInspection: async ({ params, caller }) => ({ status: 200, body: await inspections.viewInspection(params.id, caller) }),
    decideInspection: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await inspections.decide(params.id, body, caller, { now, newId }),
    }),
    recordVisit: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await inspections.recordVisit(params.id, body, caller, { now, newId }),
    }),
    recordOutcome: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await inspections.recordOutcome(params.id, body, caller, { now, newId }),
    }),
    findingsRegister: async ({ params, query, caller }) => ({
      status: 200,
      body: await inspections.findingsRegister(params.enterpriseId, { ...query, limit: pageLimit(query.limit) }, caller),
    }),
  },
});

import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { inspectionRoutes } from './routes.ts';
import * as inspections from './service.ts';

export const handler = createHttpHandler({
  concern: inspectionRoutes,
  idempotency,
  operations: {
    fileInspection: ({ body, caller, deps }) => inspections.fileInspection(body, caller, deps),
    listInspections: ({ query, caller }) => inspections.listInspections(query, caller),
    getInspection: ({ params, caller }) => inspections.viewInspection(params.id, caller),
    decideInspection: ({ params, body, caller, deps }) => inspections.decide(params.id, body, caller, deps),
    recordVisit: ({ params, body, caller, deps }) => inspections.recordVisit(params.id, body, caller, deps),
    recordOutcome: ({ params, body, caller, deps }) => inspections.recordOutcome(params.id, body, caller, deps),
    findingsRegister: ({ params, query, caller }) => inspections.findingsRegister(params.enterpriseId, query, caller),
  },
});

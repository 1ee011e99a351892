import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { verifyBearer } from '#shared/http/token-verifier';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { complaintRoutes } from './routes.ts';
import * as complaints from './service.ts';

export const handler = createHttpHandler({
  concern: complaintRoutes,
  idempotency,
  verifyToken: verifyBearer,
  operations: {
    fileComplaint: async ({ body, caller, now }) => ({ status: 201, body: await complaints.fileComplaint(body, caller, { now, newId }) }),
    trackComplaint: async ({ params }) => ({ status: 200, body: await complaints.track(params.trackingCode) }),
    listComplaints: async ({ query, caller, now }) => ({
      status: 200,
      body: await complaints.listComplaints({ ...query, limit: pageLimit(query.limit) }, caller, now),
    }),
    getComplaint: async ({ params, caller, now }) => ({ status: 200, body: await complaints.viewComplaint(params.id, caller, now) }),
    declareAbsence: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await complaints.declareAbsence(params.deptId, params.handlerId, body, caller, { now, newId }),
    }),
    putHandlers: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await complaints.setHandlers(params.deptId, body.handlers, caller, { now, newId }),
    }),
    acknowledge: async ({ params, caller, now }) => ({
      status: 200,
      body: await complaints.acknowledge(params.id, caller, { now, newId }),
    }),
    delayNotice: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await complaints.giveDelayNotice(params.id, body, caller, { now, newId }),
    }),
    resolve: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await complaints.resolve(params.id, body, caller, { now, newId }),
    }),
    verdict: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await complaints.giveVerdict(params.id, body, caller, { now, newId }),
    }),
  },
});

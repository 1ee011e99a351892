import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { verifyBearer } from '#shared/http/token-verifier';
import { complaintRoutes } from './routes.ts';
import * as complaints from './service.ts';

export const handler = createHttpHandler({
  concern: complaintRoutes,
  idempotency,
  verifyToken: verifyBearer,
  operations: {
    fileComplaint: ({ body, caller, deps }) => complaints.fileComplaint(body, caller, deps),
    trackComplaint: ({ params }) => complaints.track(params.trackingCode),
    listComplaints: ({ query, caller, now }) => complaints.listComplaints(query, caller, now),
    getComplaint: ({ params, caller, now }) => complaints.viewComplaint(params.id, caller, now),
    declareAbsence: ({ params, body, caller, deps }) => complaints.declareAbsence(params.deptId, params.handlerId, body, caller, deps),
    putHandlers: ({ params, body, caller, deps }) => complaints.setHandlers(params.deptId, body.handlers, caller, deps),
    acknowledge: ({ params, caller, deps }) => complaints.acknowledge(params.id, caller, deps),
    delayNotice: ({ params, body, caller, deps }) => complaints.giveDelayNotice(params.id, body, caller, deps),
    resolve: ({ params, body, caller, deps }) => complaints.resolve(params.id, body, caller, deps),
    verdict: ({ params, body, caller, deps }) => complaints.giveVerdict(params.id, body, caller, deps),
  },
});

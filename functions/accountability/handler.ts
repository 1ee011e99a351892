import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { accountabilityRoutes } from './routes.ts';
import * as accountability from './service.ts';

export const handler = createHttpHandler({
  concern: accountabilityRoutes,
  idempotency,
  operations: {
    recordFinding: ({ body, caller, deps }) => accountability.recordFinding(body, caller, deps),
    listFindings: ({ query, caller }) => accountability.listFindings(query, caller),
    getFinding: ({ params, caller }) => accountability.viewFinding(params.id, caller),
    discloseFinding: ({ params, caller, deps }) => accountability.discloseFinding(params.id, deps, caller),
    respondToFinding: ({ params, body, caller, deps }) => accountability.respondToFinding(params.id, body, caller, deps),
    openCase: ({ body, caller, deps }) => accountability.openCase(body, caller, deps),
    listCases: ({ query, caller }) => accountability.listCases(query, caller),
    getCase: ({ params, caller }) => accountability.viewCase(params.id, caller),
    decideCase: ({ params, body, caller, deps }) => accountability.decideCase(params.id, body, caller, deps),
    appealCase: ({ params, body, caller, deps }) => accountability.appealCase(params.id, body, caller, deps),
    decideAppeal: ({ params, body, caller, deps }) => accountability.decideAppeal(params.id, body, caller, deps),
    listNotices: ({ query }) => accountability.listNotices(query),
    listFlags: ({ query }) => accountability.listFlags(query),
    getFlag: ({ params }) => accountability.viewFlag(params.id),
    reviewFlag: ({ params, body, caller, deps }) => accountability.reviewFlag(params.id, body, caller, deps),
  },
});

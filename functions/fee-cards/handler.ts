import { createHttpHandler } from '#shared/http/handler';
import { reply } from '#shared/http/reply';
import { idempotency } from '#shared/http/idempotency';
import { feeCardRoutes } from './routes.ts';
import * as fees from './service.ts';
import { feeItemsPage } from './store.ts';
import { auditCsv } from './csv.ts';
import { csvReply, wantsCsv } from '#shared/http/csv';

export const handler = createHttpHandler({
  concern: feeCardRoutes,
  idempotency,
  operations: {
    putFeeItem: async ({ params, body, deps }) => {
      const { item, created } = await fees.publishFeeItem({ code: params.code, ...body }, deps);
      return reply({ status: created ? 201 : 200, body: item });
    },
    listFeeItems: ({ query }) => feeItemsPage(query.unit, query.limit, query.cursor),
    issueCard: ({ body, caller, deps }) => fees.issueCard(body, caller, deps),
    getCard: ({ params, query, caller }) => fees.viewCard(params.enterpriseId, caller, { limit: query.limit, cursor: query.cursor }),
    recordEntry: ({ params, body, caller, deps }) => fees.recordEntry(params.enterpriseId, body, caller, deps),
    refuseEntry: ({ params, body, caller, deps }) => fees.refuseEntry(params.enterpriseId, params.entryId, body, caller, deps),
    feeAudit: async ({ query, accept }) => {
      const report = await fees.audit(query);
      return wantsCsv(accept) ? csvReply(auditCsv(report), `fee-audit-${query.from}-${query.to}.csv`) : report;
    },
  },
});

import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { feeCardRoutes } from './routes.ts';
import * as fees from './service.ts';
import { feeItemsPage } from './store.ts';
import { auditCsv } from './csv.ts';
import { csvReply, wantsCsv } from '#shared/http/csv';

export const handler = createHttpHandler({
  concern: feeCardRoutes,
  idempotency,
  operations: {
    putFeeItem: async ({ params, body, now }) => {
      const { item, created } = await fees.publishFeeItem({ code: params.code, ...body }, { now, newId });
      return { status: created ? 201 : 200, body: item };
    },
    listFeeItems: async ({ query }) => ({ status: 200, body: await feeItemsPage(query.unit, pageLimit(query.limit), query.cursor) }),
    issueCard: async ({ body, caller, now }) => ({ status: 201, body: await fees.issueCard(body, caller, { now, newId }) }),
    getCard: async ({ params, query, caller }) => ({
      status: 200,
      body: await fees.viewCard(params.enterpriseId, caller, { limit: pageLimit(query.limit), cursor: query.cursor }),
    }),
    recordEntry: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await fees.recordEntry(params.enterpriseId, body, caller, { now, newId }),
    }),
    refuseEntry: async ({ params, body, caller, now }) => ({
      status: 201,
      body: await fees.refuseEntry(params.enterpriseId, params.entryId, body, caller, { now, newId }),
    }),
    feeAudit: async ({ query, accept }) => {
      const report = await fees.audit({ ...query, limit: pageLimit(query.limit) });
      return wantsCsv(accept) ? csvReply(auditCsv(report), `fee-audit-${query.from}-${query.to}.csv`) : { status: 200, body: report };
    },
  },
});

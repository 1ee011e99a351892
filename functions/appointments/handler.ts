import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { pageLimit } from '#shared/http/validation';
import { newId } from '#shared/data/ids';
import { appointmentRoutes } from './routes.ts';
import * as appointments from './service.ts';

export const handler = createHttpHandler({
  concern: appointmentRoutes,
  idempotency,
  operations: {
    requestAppointment: async ({ body, caller, now }) => ({
      status: 201,
      body: await appointments.requestAppointment(body, caller, { now, newId }),
    }),
    listAppointments: async ({ query, caller, now }) => ({
      status: 200,
      body: await appointments.listAppointments({ ...query, limit: pageLimit(query.limit) }, caller, now),
    }),
    getAppointment: async ({ params, caller, now }) => ({ status: 200, body: await appointments.viewAppointment(params.id, caller, now) }),
    confirmAppointment: async ({ params, body, caller, now }) => ({
      status: 200,
      body: await appointments.confirm(params.id, body, caller, { now, newId }),
    }),
  },
});

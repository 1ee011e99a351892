import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { appointmentRoutes } from './routes.ts';
import * as appointments from './service.ts';

export const handler = createHttpHandler({
  concern: appointmentRoutes,
  idempotency,
  operations: {
    requestAppointment: ({ body, caller, deps }) => appointments.requestAppointment(body, caller, deps),
    listAppointments: ({ query, caller, now }) => appointments.listAppointments(query, caller, now),
    getAppointment: ({ params, caller, now }) => appointments.viewAppointment(params.id, caller, now),
    confirmAppointment: ({ params, body, caller, deps }) => appointments.confirm(params.id, body, caller, deps),
  },
});

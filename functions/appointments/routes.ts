import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, idParams, instantSchema, pageQuery, text } from '#shared/http/validation';
import { APPOINTMENT_STATUSES } from './rules.ts';
import { appointmentResponses as out } from './responses.ts';

/** The 24-hour appointment service (24小时预约服务) of the investment service centre. */
export const appointmentRoutes = defineRoutes('appointments', {
  requestAppointment: {
    response: out.appointment,
    method: 'POST',
    path: '/appointments',
    roles: ['enterprise'],
    creates: true,
    summary: 'Ask a department for a service at any hour of any day; it confirms within 24 hours',
    body: z.strictObject({ dept: deptIdSchema, topic: text(500), requestedAt: instantSchema, contact: z.optional(text(200)) }),
  },
  listAppointments: {
    response: out.appointments,
    method: 'GET',
    path: '/appointments',
    roles: ['enterprise', 'department', 'soft-env-office', 'supervisor'],
    summary: "Appointments in the caller's scope, newest request first",
    query: z.strictObject({ status: z.optional(z.enum(APPOINTMENT_STATUSES)), dept: z.optional(deptIdSchema), ...pageQuery }),
  },
  getAppointment: {
    response: out.appointment,
    method: 'GET',
    path: '/appointments/{id}',
    roles: ['enterprise', 'department', 'soft-env-office', 'supervisor'],
    summary: 'One appointment',
    params: idParams,
  },
  confirmAppointment: {
    response: out.appointment,
    method: 'POST',
    path: '/appointments/{id}/confirmation',
    roles: ['department'],
    summary: 'The department confirms the time, place and staff (within 24 hours of the request; later is recorded late)',
    params: idParams,
    body: z.strictObject({ at: instantSchema, place: text(200), staff: z.array(text(100)).check(z.minLength(1), z.maxLength(10)) }),
  },
});

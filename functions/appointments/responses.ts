/** What the appointment routes answer (see shared/http/responses.ts). */
import * as z from 'zod/mini';
import { example, instantOut, pageOf, shown } from '#shared/http/responses';
import { appointmentFields } from './records.ts';

export const appointmentView = z
  .looseObject({
    ...appointmentFields(shown),
    /** 24 hours after the request was received. */
    confirmBy: instantOut,
    /** Still unconfirmed after the 24 hours. */
    overdue: z.boolean(),
    confirmation: z.optional(
      z.looseObject({
        at: instantOut,
        place: z.string(),
        staff: z.array(z.string()),
        confirmedAt: instantOut,
        confirmedBy: z.string(),
        /** Confirmed after the 24 hours (taken, and recorded as late). */
        late: z.boolean(),
        hoursTaken: z.number(),
      }),
    ),
    version: z.int(),
  })
  .check(
    example({
      id: '5d0c8f0e-2b7a-4f43-9d55-0f3f4a1b2c3d',
      dept: 'market-regulation',
      enterpriseId: '91350100M000100Y43',
      topic: '食品经营许可证现场核查',
      requestedAt: '2026-11-29T08:00:00.000+08:00',
      status: 'confirmed',
      receivedAt: '2026-11-28T22:10:00.000+08:00',
      requestedBy: 'owner-1',
      confirmBy: '2026-11-29T22:10:00.000+08:00',
      overdue: false,
      version: 2,
      confirmation: {
        at: '2026-11-29T09:00:00.000+08:00',
        place: '投资服务中心 3号窗口',
        staff: ['Li Ming'],
        confirmedAt: '2026-11-29T07:45:00.000+08:00',
        confirmedBy: 'clerk-1',
        late: false,
        hoursTaken: 9.6,
      },
    }),
  );

export const appointmentResponses = { appointment: appointmentView, appointments: pageOf(appointmentView) };

/**
 * The deadline workflow asks: has the department confirmed this appointment? Warned at 16 hours,
 * a breach at 24 (the limit of the 24-hour service), escalated at 48 hours, all to the supervisors.
 */
import { toLocalIso } from '#shared/time/clock';
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { getAppointment } from './store.ts';

export const checkAppointmentMatter: MatterCheck = async (matter, stage) => {
  const appointment = await getAppointment(matter.id);
  if (!appointment || appointment.status !== 'requested') return closed;
  const what = `Appointment ${appointment.id}: ${appointment.enterpriseId} asked ${appointment.dept} at ${appointment.receivedAt} for "${appointment.topic}" at ${appointment.requestedAt}`;
  const due = toLocalIso(new Date(appointment.watch.deadline));
  const text = {
    warning: {
      title: 'A 24-hour appointment is not confirmed yet; 8 hours remain',
      detail: `${what}; it must be confirmed (time, place, staff) by ${due}.`,
    },
    breach: { title: 'A 24-hour appointment was not confirmed within 24 hours', detail: `${what}; it was not confirmed by ${due}.` },
    escalation: {
      title: 'An unconfirmed 24-hour appointment escalated to the supervisors',
      detail: `${what}; still not confirmed, a day after it was due by ${due}.`,
    },
  }[stage];
  return stillOpen({ kind: `confirmation-${stage}`, subject: { type: 'appointment', id: appointment.id }, ...text });
};

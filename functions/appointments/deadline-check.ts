/**
 * The deadline workflow asks: has the department confirmed this appointment? Warned at 16 hours,
 * a breach at 24 (the limit of the 24-hour service), escalated at 48 hours, all to the supervisors.
 */
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { appointmentDescribed } from './described.ts';
import { type MatterCheck, closed, stillOpen } from '#shared/outbox/deadline-checks';
import { getAppointment } from './store.ts';

export const checkAppointmentMatter: MatterCheck = async (matter, stage) => {
  const appointment = await getAppointment(matter.id);
  if (!appointment || appointment.status !== 'requested') return closed;
  const what = await appointmentDescribed(appointment);
  const due = readableTime(appointment.watch.deadline);
  const wanted = readableTime(appointment.requestedAt);
  const text = {
    warning: alertWords(
      { zh: `24小时预约服务尚未确认，仅剩8小时：${what.dept}`, en: 'A 24-hour appointment is not confirmed yet; 8 hours remain' },
      {
        zh: `${what.zh}（希望${wanted}）尚未确认，应于${due}前确认时间、地点和人员。`,
        en: `The ${what.en} (wanted for ${wanted}) must be confirmed (time, place, staff) by ${due}.`,
      },
    ),
    breach: alertWords(
      { zh: `24小时预约服务超时未确认：${what.dept}`, en: 'A 24-hour appointment was not confirmed within 24 hours' },
      { zh: `${what.zh}（希望${wanted}）未在${due}前确认。`, en: `The ${what.en} (wanted for ${wanted}) was not confirmed by ${due}.` },
    ),
    escalation: alertWords(
      { zh: `预约久未确认，升级督办：${what.dept}`, en: 'An unconfirmed 24-hour appointment escalated to the supervisors' },
      { zh: `${what.zh}在${due}到期后又过一天仍未确认。`, en: `The ${what.en} is still not confirmed, a day after it was due by ${due}.` },
    ),
  }[stage];
  return stillOpen({ kind: `confirmation-${stage}`, subject: { type: 'appointment', id: appointment.id }, ...text });
};

/** An appointment as an alert names it: the enterprise by name, the department, its topic and when it was asked. */
import type { Said } from '#shared/alerts/alert-text';
import { readableTime } from '#shared/alerts/alert-text';
import { departmentName, enterpriseName } from '#shared/domain/names';

export async function appointmentDescribed(appointment: {
  dept: string;
  enterpriseId: string;
  topic: string;
  receivedAt: string;
}): Promise<Said & { dept: string }> {
  const [dept, enterprise] = await Promise.all([departmentName(appointment.dept), enterpriseName(appointment.enterpriseId)]);
  const asked = readableTime(appointment.receivedAt);
  return {
    dept,
    zh: `${enterprise}于${asked}向${dept}预约的「${appointment.topic}」`,
    en: `appointment "${appointment.topic}" that ${enterprise} asked of ${dept} at ${asked}`,
  };
}

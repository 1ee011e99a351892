/**
 * Supervisor alerts: one JSON message schema on one SNS topic, with the message attributes
 * `severity`, `concern` and `department` that subscribers filter on. A concern stores its alert
 * and asks for its delivery in the same transaction as the event (alertWrites, in the outbox:
 * shared/outbox/raise-alert.ts); the effects function delivers it (alert-delivery.ts).
 */
import { toLocalIso } from '../time/clock.ts';
import { readableTime } from './alert-text.ts';
import { put, type TransactItem } from '../data/db.ts';
import { keys } from '../data/table.ts';
import type { Concern, Severity } from './alert-types.ts';

export { SEVERITIES, CONCERNS, type Severity, type Concern } from './alert-types.ts';

export interface Alert {
  id: string;
  /** When it was raised (ISO 8601, China Standard Time offset). */
  at: string;
  severity: Severity;
  concern: Concern;
  /** The department concerned, or "none". */
  department: string;
  /** What happened, as a stable code (e.g. fee-entry-refused). */
  kind: string;
  /** One line for a supervisor's phone. */
  title: string;
  detail: string;
  /** The record it is about. */
  subject: { type: string; id: string };
}

export type AlertInput = Omit<Alert, 'id' | 'at'>;

export const newAlert = (input: AlertInput, now: Date, id: string): Alert => ({ id, at: toLocalIso(now), ...input });

/** The stored alert (for GET /alerts), once. */
export function alertRecord(alert: Alert, now: Date): TransactItem {
  return put({ ...keys.alert(alert.id), ...keys.alertsIndex(now.toISOString(), alert.id), type: 'alert', ...alert }, { ifNew: true });
}

/** How an alert reads in Chinese, by severity (for e-mail subscribers). */
const SEVERITY_ZH: Record<Severity, string> = { info: '通知', warning: '预警', breach: '超时', escalation: '升级督办' };

/**
 * SNS Subject (e-mail subject line): SNS takes printable ASCII only, no line breaks, under 100
 * characters, so it cannot be Chinese: it carries the alert's codes (severity, concern, kind,
 * department id), which mail filters can sort on; the Chinese is in the body.
 */
export function alertSubject(alert: Alert): string {
  const subject = `soft-env ${alert.severity}: ${alert.kind} (${alert.concern}, ${alert.department})`;
  return subject.replace(/[^\x20-\x7E]/g, '').slice(0, 99);
}

/** The e-mail body: the title and the detail (each Chinese, then English), when, and the record's reference last. */
export function alertEmailText(alert: Alert): string {
  const at = readableTime(alert.at);
  return [
    `【soft-env ${SEVERITY_ZH[alert.severity]} ${alert.severity}】${alert.title}`,
    '',
    alert.detail,
    '',
    `时间 Raised at：${at}`,
    `记录 Record：${alert.subject.type} ${alert.subject.id}`,
    `预警编号 Alert id：${alert.id}`,
  ].join('\n');
}

/**
 * The SNS message, per protocol (MessageStructure 'json'): e-mail gets readable text, SMS one
 * line, every other protocol (https, SQS, Lambda, email-json) the alert as JSON.
 */
export function alertSnsMessage(alert: Alert): string {
  const sms = `【soft-env ${SEVERITY_ZH[alert.severity]}】${alert.title}`;
  return JSON.stringify({ default: JSON.stringify(alert), email: alertEmailText(alert), sms });
}

/** The alert back from an SNS per-protocol message (the local runtime's stand-in for SNS). */
export const alertFromSnsMessage = (message: string): Alert => JSON.parse((JSON.parse(message) as { default: string }).default) as Alert;

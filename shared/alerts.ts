/**
 * Supervisor alerts: one JSON message schema on one SNS topic, with the message attributes
 * `severity`, `concern` and `department` that subscribers filter on. A concern stores its alert
 * and asks for its delivery in the same transaction as the event (alertWrites); the effects
 * function delivers it (alert-delivery.ts).
 */
import { toLocalIso } from './clock.ts';
import { tableName, type TransactItem } from './db.ts';
import { keys } from './table.ts';
import { effectWrite } from './effects.ts';
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
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.alert(alert.id), ...keys.alertsIndex(now.toISOString(), alert.id), type: 'alert', ...alert },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The stored alert and the request to deliver it, for the caller's transaction. */
export function alertWrites(alert: Alert, now: Date, newId: () => string): TransactItem[] {
  return [alertRecord(alert, now), effectWrite({ type: 'publish-alert', alert }, newId(), now)];
}

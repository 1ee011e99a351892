/**
 * Supervisor alerts: one JSON message schema on one SNS topic, with the message attributes
 * `severity`, `concern` and `department` that subscribers filter on. Every alert is also
 * stored, for GET /alerts. Locally (no topic) alerts go to the local sink: a line in
 * alerts.jsonl under DATA_DIR, and a POST to each URL in ALERT_WEBHOOKS.
 */
import { appendFile } from 'node:fs/promises';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';
import { db, tableName } from './db.ts';
import { keys } from './table.ts';
import { toLocalIso } from './clock.ts';

export { SEVERITIES, CONCERNS, type Severity, type Concern } from './alert-types.ts';
import type { Severity, Concern } from './alert-types.ts';

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

export const snsClient = new SNSClient({});

export function alertMessageAttributes(alert: Alert) {
  return {
    severity: { DataType: 'String', StringValue: alert.severity },
    concern: { DataType: 'String', StringValue: alert.concern },
    department: { DataType: 'String', StringValue: alert.department },
  };
}

/** Delivers to the supervisors' topic, or locally to the alert sink. */
export async function deliverAlert(alert: Alert): Promise<void> {
  if (config.ALERT_TOPIC_ARN) {
    await snsClient.send(new PublishCommand({
      TopicArn: config.ALERT_TOPIC_ARN,
      Subject: alert.title.slice(0, 100),
      Message: JSON.stringify(alert),
      MessageAttributes: alertMessageAttributes(alert),
    }));
    return;
  }
  await deliverToLocalSink(alert, config.LOCAL_ALERTS_FILE as string, config.ALERT_WEBHOOKS);
}

export async function deliverToLocalSink(alert: Alert, file: string, webhooks: string | undefined): Promise<void> {
  await appendFile(file, `${JSON.stringify(alert)}\n`, 'utf8');
  const urls = (webhooks ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  await Promise.all(urls.map(async (url) => {
    try {
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      console.warn(`alert webhook ${url} failed: ${(error as Error).message}`);
    }
  }));
}

/** Stores the alert (for GET /alerts), then delivers it. */
export async function raiseAlert(input: AlertInput, now: Date, id: string): Promise<Alert> {
  const alert: Alert = { id, at: toLocalIso(now), ...input };
  const instant = now.toISOString();
  await db.send(new PutCommand({
    TableName: tableName,
    Item: { ...keys.alert(id), ...keys.alertsIndex(instant, id), type: 'alert', ...alert },
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
  await deliverAlert(alert);
  return alert;
}

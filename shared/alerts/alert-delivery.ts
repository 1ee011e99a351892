/**
 * Delivering alerts: to the supervisors' SNS topic in AWS; locally to the alert sink, a line in
 * alerts.jsonl under DATA_DIR and a POST to each URL in ALERT_WEBHOOKS.
 */
import { appendFile } from 'node:fs/promises';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { config } from '../config.ts';
import { alertSnsMessage, alertSubject, type Alert } from './alerts.ts';
import { ALERT_MESSAGE_ATTRIBUTES } from './alert-types.ts';

export const snsClient = new SNSClient({});

export const alertMessageAttributes = (alert: Alert) =>
  Object.fromEntries(ALERT_MESSAGE_ATTRIBUTES.map((name) => [name, { DataType: 'String', StringValue: alert[name] }]));

export async function deliverAlert(alert: Alert): Promise<void> {
  if (config.ALERT_TOPIC_ARN) {
    await snsClient.send(
      new PublishCommand({
        TopicArn: config.ALERT_TOPIC_ARN,
        Subject: alertSubject(alert),
        Message: alertSnsMessage(alert),
        MessageStructure: 'json',
        MessageAttributes: alertMessageAttributes(alert),
      }),
    );
    return;
  }
  if (!config.LOCAL_ALERTS_FILE) throw new Error('Neither ALERT_TOPIC_ARN nor LOCAL_ALERTS_FILE is configured');
  await deliverToLocalSink(alert, config.LOCAL_ALERTS_FILE, config.ALERT_WEBHOOKS);
}

export async function deliverToLocalSink(alert: Alert, file: string, webhooks: string | undefined): Promise<void> {
  await appendFile(file, `${JSON.stringify(alert)}\n`, 'utf8');
  const urls = (webhooks ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  await Promise.all(
    urls.map(async (url) => {
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
    }),
  );
}

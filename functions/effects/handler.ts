/**
 * The outbox's worker: the table's stream hands it each new outbox item, and it does what the
 * item asks (publish an alert to the supervisors' topic, start or stop a deadline execution).
 * Records are done in order; at the first failure the rest of the batch is handed back to be
 * retried from there (each effect is safe to repeat: executions are named after their matter).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamImage } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { deliverAlert } from '#shared/alerts/alert-delivery';
import { startDeadline, stopDeadline } from '#shared/outbox/deadlines';
import { effectCodec, type Effect } from '#shared/outbox/effects';
import { systemClock } from '#shared/time/clock';
import { retimeDeadlines } from '../deadlines/retime.ts';

const logger = new Logger({ serviceName: 'effects' });

async function perform(effect: Effect): Promise<void> {
  switch (effect.type) {
    case 'publish-alert':
      return deliverAlert(effect.alert);
    case 'start-deadline':
      return startDeadline(effect.matter, effect.timeline);
    case 'stop-deadline':
      return stopDeadline(effect.matter, effect.cause);
    case 'retime-deadlines': {
      await retimeDeadlines(effect.year, systemClock());
      return;
    }
    default:
      throw new Error(`Unknown effect ${JSON.stringify(effect)}`);
  }
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage as StreamImage | undefined;
    // Only new outbox items are this worker's; every other item passes by unread.
    if (record.eventName !== 'INSERT' || !image?.pk?.S?.startsWith(keys.outboxPrefix)) continue;
    const item = unmarshall(image);
    try {
      await perform(effectCodec.parse(item.effect));
    } catch (error) {
      logger.error('effect failed; the batch is retried from here', {
        effect: item.effect as unknown,
        pk: item.pk,
        error: error as Error,
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

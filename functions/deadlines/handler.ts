/**
 * The deadline workflow's check task: is the matter still open at this stage? If so, the alert
 * is stored (once per matter, version and stage, so a retried or resumed execution never
 * alerts twice) and handed back for the workflow to publish on the supervisors' topic.
 */
import * as z from 'zod/mini';
import { Logger } from '@aws-lambda-powertools/logger';
import { countIn } from '#shared/domain/evaluation';
import { refused, tryWriteAll } from '#shared/data/db';
import { systemClock, toLocalIso } from '#shared/time/clock';
import { alertRecord, alertSnsMessage, alertSubject, type Alert } from '#shared/alerts/alerts';
import { executionName, matterCodec, notTheDepartmentsLimit, STAGE_SEVERITY } from '#shared/outbox/matters';
import { timedConcerns } from './concerns.ts';

const logger = new Logger({ serviceName: 'deadlines' });

const inputSchema = z.object({
  matter: matterCodec,
  stage: z.enum(['warning', 'breach', 'escalation']),
});

/** `message` and `subject` are the alert as the supervisors' topic carries it (the workflow publishes them as is). */
export interface CheckOutput {
  open: boolean;
  publish: boolean;
  alert?: Alert;
  message?: string;
  subject?: string;
}

export async function handler(event: unknown): Promise<CheckOutput> {
  const { matter, stage } = inputSchema.parse(event);
  const check = timedConcerns[matter.concern]?.check;
  if (!check) throw new Error(`No deadline check for concern ${matter.concern}`);
  const now = systemClock();
  const result = await check(matter, stage, now);
  if (!result.open) {
    logger.info('matter closed; the deadline ends quietly', { matter, stage });
    return { open: false, publish: false };
  }
  const alert: Alert = {
    id: `${executionName(matter)}-${stage}`,
    at: toLocalIso(now),
    severity: STAGE_SEVERITY[stage],
    concern: matter.concern,
    department: matter.department,
    ...result.alert,
  };
  const refusal = await tryWriteAll<'already-raised'>([
    // The alert's id is the matter's execution and stage: a retry of this stage finds it.
    { ...alertRecord(alert, now), ifFailed: refused('already-raised') },
    // Warnings and breaches of the department's own limits count in the quarter's evaluation.
    ...(stage === 'escalation' || notTheDepartmentsLimit(matter)
      ? []
      : [countIn(matter.department, now, stage === 'warning' ? { warnings: 1 } : { breaches: 1 })]),
  ]);
  if (refusal) {
    logger.info('alert already raised for this stage', { alertId: alert.id });
    return { open: true, publish: false };
  }
  logger.info('deadline alert', { alertId: alert.id, severity: alert.severity });
  return { open: true, publish: true, alert, message: alertSnsMessage(alert), subject: alertSubject(alert) };
}

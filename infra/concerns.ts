/**
 * The concerns, each one Lambda: its handler's entry file and its route declarations. The CDK
 * API, the local gateway and the OpenAPI document are all generated from this list; it has one
 * entry for each API concern of the registry (shared/concerns.ts; test/unit/concern-registry.test.ts).
 */
import type { ApiConcern } from '#shared/concerns';
import type { ConcernRoutes } from '#shared/http/routes';
import { registryRoutes } from '../functions/registry/routes.ts';
import { feeCardRoutes } from '../functions/fee-cards/routes.ts';
import { inspectionRoutes } from '../functions/inspections/routes.ts';
import { complaintRoutes } from '../functions/complaints/routes.ts';
import { pledgeRoutes } from '../functions/pledges/routes.ts';
import { evaluationRoutes } from '../functions/evaluations/routes.ts';
import { approvalRoutes } from '../functions/approvals/routes.ts';
import { appointmentRoutes } from '../functions/appointments/routes.ts';
import { applicationRoutes } from '../functions/applications/routes.ts';
import { assistanceRoutes } from '../functions/assistance/routes.ts';
import { accountabilityRoutes } from '../functions/accountability/routes.ts';

export interface ConcernDefinition {
  /** The concern's name: its Lambda, its log group and its idempotency partition. */
  name: ApiConcern;
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: string;
  api: ConcernRoutes;
  /** Has public routes that verify an optional token themselves (needs the issuer's keys). */
  verifiesOwnTokens?: boolean;
}

/** The deadline workflow's check task: not behind the API. */
export const deadlineCheck = { name: 'deadlines', entry: 'functions/deadlines/handler.ts' } as const;

/** The outbox's worker, driven by the table's stream: publishes alerts, starts and stops deadlines. */
export const effectsWorker = { name: 'effects', entry: 'functions/effects/handler.ts' } as const;

export const concerns: readonly ConcernDefinition[] = [
  { name: 'registry', entry: 'functions/registry/handler.ts', api: registryRoutes },
  { name: 'fee-cards', entry: 'functions/fee-cards/handler.ts', api: feeCardRoutes },
  { name: 'inspections', entry: 'functions/inspections/handler.ts', api: inspectionRoutes },
  { name: 'complaints', entry: 'functions/complaints/handler.ts', api: complaintRoutes, verifiesOwnTokens: true },
  { name: 'pledges', entry: 'functions/pledges/handler.ts', api: pledgeRoutes },
  { name: 'evaluations', entry: 'functions/evaluations/handler.ts', api: evaluationRoutes },
  { name: 'approvals', entry: 'functions/approvals/handler.ts', api: approvalRoutes },
  { name: 'appointments', entry: 'functions/appointments/handler.ts', api: appointmentRoutes },
  { name: 'applications', entry: 'functions/applications/handler.ts', api: applicationRoutes },
  { name: 'assistance', entry: 'functions/assistance/handler.ts', api: assistanceRoutes },
  { name: 'accountability', entry: 'functions/accountability/handler.ts', api: accountabilityRoutes },
];

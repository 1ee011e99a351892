/**
 * The concerns, each one Lambda: its handler's entry file and its route declarations. The CDK
 * API, the local gateway and the OpenAPI document are all generated from this list.
 */
import type { ConcernRoutes } from '#shared/http/routes';
import { registryRoutes } from '../functions/registry/routes.ts';
import { feeCardRoutes } from '../functions/fee-cards/routes.ts';

export interface ConcernDefinition {
  /** The concern's name: its Lambda, its log group and its idempotency partition. */
  name: string;
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: string;
  api: ConcernRoutes;
}

export const concerns: readonly ConcernDefinition[] = [
  { name: 'registry', entry: 'functions/registry/handler.ts', api: registryRoutes },
  { name: 'fee-cards', entry: 'functions/fee-cards/handler.ts', api: feeCardRoutes },
];

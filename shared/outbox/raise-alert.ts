/**
 * An alert raised: stored (for GET /alerts) and its delivery asked of the outbox, both in the
 * caller's transaction, so no alert is lost after a commit (the effects function delivers it).
 */
import type { TransactItem } from '../data/db.ts';
import { alertRecord, newAlert, type Alert, type AlertInput } from '../alerts/alerts.ts';
import type { Deps } from '../domain/deps.ts';
import { effectWrite } from './effects.ts';

/** The stored alert and the request to deliver it, for the caller's transaction. */
export function alertWrites(alert: Alert, { now, newId }: Deps): TransactItem[] {
  return [alertRecord(alert, now), effectWrite({ type: 'publish-alert', alert }, newId(), now)];
}

/** A new alert, stored and delivered with the caller's transaction. */
export const raiseAlert = (input: AlertInput, deps: Deps): TransactItem[] => alertWrites(newAlert(input, deps.now, deps.newId()), deps);

/** The approval-item operations (审批事项): the office publishes an item within the two-thirds rule; anyone reads the catalogue. */
import { NotFound, RuleViolation } from '#shared/domain/errors';
import { requireNamedDepartment } from '../registry/service.ts';
import { twoThirdsRule } from './rules.ts';
import * as store from './store.ts';

/** Adds or revises an item of a registered department, its pledged limit at most two thirds of the statutory one. */
export async function publishItem(code: string, fields: store.ItemFields, by: string, now: Date) {
  const violation = twoThirdsRule(fields.statutoryDays, fields.pledgedDays);
  if (violation) throw new RuleViolation(violation);
  await requireNamedDepartment(fields.dept, 'dept');
  return store.putItem(code, fields, by, now);
}

export async function viewItem(code: string): Promise<store.ApprovalItem> {
  const item = await store.getItem(code);
  if (!item) throw new NotFound();
  return item;
}

export const listItems = (query: { dept?: string; limit: number; cursor?: string }) =>
  store.itemsPage(query.dept, query.limit, query.cursor);

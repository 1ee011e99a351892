/**
 * 末位淘汰 (work plan §二.1.二): the last placed department of a quarter files a rectification
 * plan within 10 working days after the quarter ends, and a department last two quarters in a
 * row alerts the supervisors. A quarter is closed once, the first time its evaluation is read
 * after it ended (there is no other moment the county's figures are final): the closing starts
 * the last placed's rectification limits and raises the repeat alerts, in one transaction.
 */
import * as z from 'zod/mini';
import { getRecord, put, refused, tryWriteAll, type Write } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { decoderOf, stored } from '#shared/data/codecs';
import { startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { deadlineTimeline } from '#shared/outbox/calendar-store';
import { startDeadlineEffect, stopDeadlineEffect } from '#shared/outbox/effects';
import type { Matter } from '#shared/outbox/matters';
import { alertWrites } from '#shared/outbox/raise-alert';
import { alertWords } from '#shared/alerts/alert-text';
import { departmentName } from '#shared/domain/names';
import { Conflict, InvalidInput, RuleViolation } from '#shared/domain/errors';
import type { DepartmentCaller } from '#shared/http/auth';
import type { Deps } from '#shared/domain/deps';
import { planFields } from './records.ts';
import { LIMITS } from './rules.ts';
import { derivedId } from './watch.ts';

/** The first instant after a quarter (2026-Q4 ends at 2027-01-01 00:00 China time). */
export function quarterEnd(quarter: string): Date {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? startOfLocalDate(`${year + 1}-01-01`) : startOfLocalDate(`${year}-${String(q * 3 + 1).padStart(2, '0')}-01`);
}

export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

export const rectificationMatter = (quarter: string, dept: string): Matter => ({
  concern: 'accountability',
  kind: 'rectification',
  id: quarter,
  version: 1,
  department: dept,
});

const planCodec = z.object({ ...planFields(stored), filedBy: z.string() });
export type RectificationPlan = z.infer<typeof planCodec>;
export const getPlan = (quarter: string, dept: string) => getRecord(keys.rectification(quarter, dept), decoderOf(planCodec));

type LastPlacedOf = (quarter: string) => Promise<{ deptId: string }[]>;

const closingCodec = z.object({ lastPlaced: z.array(z.string()) });

/**
 * The last placed as the quarter's closing named them (whose rectification limits it started);
 * from the figures only while the quarter is not closed yet.
 */
async function lastPlacedAtClosing(quarter: string, lastPlacedOf: LastPlacedOf): Promise<string[]> {
  const closing = await getRecord(keys.quarterClosing(quarter), decoderOf(closingCodec));
  return closing?.lastPlaced ?? (await lastPlacedOf(quarter)).map(({ deptId }) => deptId);
}

/** Closes an ended quarter once (later reads find the closing and write nothing). */
export async function closeQuarterOnce(quarter: string, lastPlaced: readonly { deptId: string }[], lastPlacedOf: LastPlacedOf, deps: Deps) {
  const end = quarterEnd(quarter);
  if (deps.now.getTime() < end.getTime()) return;
  if (await getRecord(keys.quarterClosing(quarter), (item) => item)) return;
  const before = new Set((await lastPlacedOf(previousQuarter(quarter))).map(({ deptId }) => deptId));
  const timeline = await deadlineTimeline(end, LIMITS.rectificationDays, 'accountability');
  const writes: Write[] = [
    put(
      {
        ...keys.quarterClosing(quarter),
        type: 'quarter-closing',
        lastPlaced: lastPlaced.map(({ deptId }) => deptId),
        closedAt: toLocalIso(deps.now),
      },
      { ifNew: true, ifFailed: refused('closed') },
    ),
  ];
  for (const { deptId } of lastPlaced) {
    writes.push(startDeadlineEffect(rectificationMatter(quarter, deptId), timeline, deps.newId(), deps.now));
    if (!before.has(deptId)) continue;
    const dept = await departmentName(deptId);
    writes.push(
      ...alertWrites(
        {
          id: derivedId(`last-placed-twice:${quarter}:${deptId}`),
          at: toLocalIso(deps.now),
          severity: 'breach',
          concern: 'accountability',
          department: deptId,
          kind: 'last-placed-twice',
          subject: { type: 'evaluation', id: quarter },
          ...alertWords(
            { zh: `连续两个季度考评末位：${dept}`, en: `${dept} was placed last two quarters in a row` },
            {
              zh: `${dept}在${previousQuarter(quarter)}和${quarter}季度考评中均为末位（末位淘汰制），应于季度结束后${LIMITS.rectificationDays}个工作日内提交整改方案。`,
              en: `${dept} was last in the evaluations of ${previousQuarter(quarter)} and ${quarter} (末位淘汰); its rectification plan is due within ${LIMITS.rectificationDays} working days after the quarter.`,
            },
          ),
        },
        deps,
      ),
    );
  }
  await tryWriteAll<'closed'>(writes);
}

export async function fileRectification(
  quarter: string,
  input: { causes: string; measures: string; dueDate: string },
  caller: DepartmentCaller,
  deps: Deps,
  lastPlacedOf: LastPlacedOf,
) {
  if (deps.now.getTime() < quarterEnd(quarter).getTime())
    throw new RuleViolation({
      rule: 'quarter-not-ended',
      title: 'The quarter has not ended',
      detail: `${quarter} is not over yet: its last placed is known, and files its plan, after it ends.`,
    });
  if (!(await lastPlacedAtClosing(quarter, lastPlacedOf)).includes(caller.dept))
    throw new RuleViolation({
      rule: 'not-last-placed',
      title: 'Only the last placed files a rectification plan',
      detail: `Your department was not placed last in ${quarter}; the rectification plan (末位整改) is the last placed department's.`,
    });
  if (input.dueDate <= toLocalIso(deps.now).slice(0, 10))
    throw new InvalidInput('The measures are completed by a date after today.', [{ field: 'dueDate', message: 'Not after today' }]);
  const plan: RectificationPlan = { quarter, dept: caller.dept, ...input, filedAt: toLocalIso(deps.now), filedBy: caller.sub };
  const outcome = await tryWriteAll<'filed'>([
    put({ ...keys.rectification(quarter, caller.dept), type: 'rectification-plan', ...plan }, { ifNew: true, ifFailed: refused('filed') }),
    stopDeadlineEffect(rectificationMatter(quarter, caller.dept), 'the plan was filed', deps.newId(), deps.now),
  ]);
  if (outcome) throw new Conflict('rectification-filed', `Your rectification plan for ${quarter} is filed already.`);
  return plan;
}

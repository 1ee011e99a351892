/**
 * The assistance centre's operations (帮办服务中心): a case per investor project with its steward
 * (首问负责); tasks handed to departments under time limits (交办); joint meetings whose decisions
 * become tasks (会办); applications filed for the enterprise under its mandate (代办), through the
 * applications concern's own rules; closure. The rules are in rules.ts.
 */
import { toLocalIso } from '#shared/time/clock';
import { hasRole, isDepartmentCaller, isEnterpriseCaller, type Caller } from '#shared/http/auth';
import type { Deps } from '#shared/domain/deps';
import { InvalidInput, NotAllowed, NotFound } from '#shared/domain/errors';
import { refused, tryWriteAll, writeAll } from '#shared/data/db';
import { departmentName } from '#shared/domain/names';
import { catalogueItem, newApplication, view as applicationView } from '../applications/service.ts';
import { newApplicationWrite } from '../applications/store.ts';
import { closureRule, mandateRule, type CaseOutcome } from './rules.ts';
import * as store from './store.ts';
import type { AssistedCase } from './store.ts';
import {
  caseInScope,
  changed,
  departmentView,
  event,
  fullView,
  openCaseFor,
  refuse,
  rethrowClosed,
  seesAllCases,
  stewardOf,
  summary,
} from './acting.ts';

export * from './tasks.ts';
export * from './meetings.ts';

export async function viewCase(caseId: string, caller: Caller) {
  const records = await caseInScope(caseId, caller);
  const whole = seesAllCases(caller) || (isEnterpriseCaller(caller) && records.record.enterpriseId === caller.ent);
  return whole || !isDepartmentCaller(caller) ? fullView(records) : departmentView(records, caller.dept);
}

export async function listAssistedCases(query: { status?: string; dept?: string; limit: number; cursor?: string }, caller: Caller) {
  if (seesAllCases(caller)) {
    const page = await store.casesPage(query.dept ? { by: 'department', dept: query.dept } : { by: 'all' }, query);
    return { ...page, items: page.items.map(summary) };
  }
  if (isEnterpriseCaller(caller)) {
    const page = await store.casesPage({ by: 'enterprise', enterpriseId: caller.ent }, query);
    return { ...page, items: page.items.map(summary) };
  }
  if (isDepartmentCaller(caller)) {
    if (query.dept && query.dept !== caller.dept) return { items: [] };
    const page = await store.casesPage({ by: 'department', dept: caller.dept }, query);
    return {
      ...page,
      items: page.items.map((record) => ({
        id: record.id,
        enterpriseId: record.enterpriseId,
        project: record.project,
        status: record.status,
        openedAt: record.openedAt,
        steward: record.steward ?? null,
      })),
    };
  }
  return { items: [] };
}

// Opening

export async function openAssistedCase(
  input: { enterpriseId?: string; project: string; mandateRef?: string },
  caller: Caller,
  { now, newId }: Deps,
) {
  const at = toLocalIso(now);
  let enterpriseId: string;
  let openedBy: AssistedCase['openedBy'];
  if (hasRole(caller, 'service-centre')) {
    if (!input.enterpriseId)
      throw new InvalidInput('The centre names the enterprise whose project it takes on.', [
        { field: 'enterpriseId', message: 'Required when the centre opens a case' },
      ]);
    enterpriseId = input.enterpriseId;
    openedBy = { sub: caller.sub, role: 'service-centre' };
  } else {
    if (!isEnterpriseCaller(caller)) throw new NotAllowed('Your token names no enterprise.');
    if (input.enterpriseId && input.enterpriseId !== caller.ent)
      throw new NotAllowed('An enterprise opens cases for its own projects only.');
    enterpriseId = caller.ent;
    openedBy = { sub: caller.sub, role: 'enterprise' };
  }
  const steward = openedBy.role === 'service-centre' ? { sub: caller.sub, at } : undefined;
  const record: AssistedCase = {
    id: newId(),
    enterpriseId,
    project: input.project,
    ...(input.mandateRef ? { mandateRef: input.mandateRef } : {}),
    status: 'open',
    openedAt: at,
    openedBy,
    ...(steward ? { steward } : {}),
    openTasks: 0,
    timeline: [
      event(
        at,
        'opened',
        `项目立案${steward ? `，${caller.sub}为首问负责人` : '（企业自行申请，待帮办中心受理）'}${input.mandateRef ? `；代办委托书 ${input.mandateRef}` : ''}`,
        `Case opened${steward ? `; ${caller.sub} is its steward` : ' by the enterprise, awaiting the centre'}${input.mandateRef ? `; mandate ${input.mandateRef}` : ''}`,
      ),
    ],
  };
  await writeAll([store.newCaseWrite(record)]);
  return summary(record);
}

/** The centre files the enterprise's application under the case's mandate; the applications concern's rules apply in full from here. */
export async function fileForCase(caseId: string, input: { itemCode: string; materials: string[] }, caller: Caller, deps: Deps) {
  const record = await openCaseFor(caseId);
  refuse(mandateRule(record.mandateRef));
  const item = await catalogueItem(input.itemCode);
  const application = await newApplication(
    item,
    record.enterpriseId,
    input.materials,
    { sub: caller.sub, role: 'service-centre', caseId },
    deps,
  );
  const at = application.receivedAt;
  const dept = await departmentName(item.dept);
  await writeAll([
    newApplicationWrite(application),
    store.newApplicationLinkWrite(caseId, {
      applicationId: application.id,
      itemCode: item.code,
      itemName: item.name,
      dept: item.dept,
      filedAt: at,
      filedBy: caller.sub,
    }),
    store.caseChange(caseId, {
      ...stewardOf(caller, at),
      events: [
        event(
          at,
          'application-filed',
          `代办申报：向${dept}申请「${item.name}」（委托书 ${record.mandateRef}）`,
          `Filed for the enterprise: "${item.name}" with ${dept} (mandate ${record.mandateRef})`,
        ),
      ],
    }),
  ]).catch(rethrowClosed(caseId));
  return applicationView(application);
}

// Closure

export async function closeAssistedCase(caseId: string, input: { outcome: CaseOutcome; summary: string }, caller: Caller, { now }: Deps) {
  const record = await store.getAssistedCase(caseId);
  if (!record) throw new NotFound();
  refuse(closureRule(record));
  const at = toLocalIso(now);
  const closure = { outcome: input.outcome, summary: input.summary, at, by: caller.sub };
  const outcome = await tryWriteAll<'moved-on'>([
    {
      ...store.caseChange(caseId, {
        noOpenTasks: true,
        ...stewardOf(caller, at),
        set: { status: 'closed', closure },
        events: [
          event(
            at,
            'closed',
            `办结（${input.outcome === 'completed' ? '已办成' : '未能办成'}）：${input.summary}`,
            `Closed (${input.outcome}): ${input.summary}`,
          ),
        ],
      }),
      ifFailed: refused('moved-on'),
    },
  ]);
  if (outcome) {
    // A task was assigned, or the case closed, meanwhile: say which.
    const current = await store.getAssistedCase(caseId);
    refuse(current && closureRule(current));
    throw changed();
  }
  const closed = await store.getAssistedCase(caseId);
  return summary(closed ?? { ...record, status: 'closed', closure });
}

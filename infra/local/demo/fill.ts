/**
 * `npm run demo` (and `npm start -- --demo`): fills a fresh DATA_DIR with a believable county,
 * through the API itself (the local runtime's gateway and handlers, with local tokens), so
 * every rule, counter, deadline and alert is what real use would leave.
 *
 * Two passes: one with the handlers' clock in the previous quarter (its evaluation has
 * something to rank), then one today, each filled concern by concern (a file each in this
 * folder). Every date is relative to today.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startRuntimeProcess } from '../child.ts';
import { clientFor, sleep, type Client } from './client.ts';
import { DEPARTMENTS, ENTERPRISES, registerDepartments, registerHandlers } from './county.ts';
import { FEE_ITEMS, issueCards, pastCharges, publishFeeItems, todaysCharges } from './fee-cards.ts';
import { pastComplaints, todaysComplaints } from './complaints.ts';
import { pastPledges, todaysPledges } from './pledges.ts';
import { todaysInspections } from './inspections.ts';
import { APPROVAL_ITEMS, todaysServiceCentre } from './service-centre.ts';
import { assistedProject } from './assistance.ts';
import { accountability } from './accountability.ts';

/** The previous quarter: the county as it was, so its evaluation ranks something. */
async function pastQuarter(client: Client) {
  const today = ((await client.call('GET', '/health')).now as string).slice(0, 10);
  await registerDepartments(client);
  await publishFeeItems(client, today);
  await registerHandlers(client);
  await issueCards(client);
  await pastCharges(client, today);
  await pastComplaints(client);
  await pastPledges(client, today);
}

/** Today: a fee list in use, a refused charge, complaints in every state, pledges, an inspection awaiting approval, the service centre and the assistance centre at work, accountability and the last placed's plan. */
async function thisQuarter(client: Client) {
  const now = (await client.call('GET', '/health')).now as string;
  const today = now.slice(0, 10);
  await todaysCharges(client, now);
  await todaysInspections(client, today);
  await todaysComplaints(client, today);
  await todaysPledges(client, today);
  await todaysServiceCentre(client, today);
  const [, , machinery] = ENTERPRISES;
  const [licence] = APPROVAL_ITEMS;
  await assistedProject(client, machinery.id, now, licence.code);
  await accountability(client, now, quarterBefore(now));
}

/** The quarter before the one of an instant with an offset (`2026-12-07T...` → `2026-Q3`). */
function quarterBefore(now: string): string {
  const [year, month] = [Number(now.slice(0, 4)), Number(now.slice(5, 7))];
  const quarter = Math.floor((month - 1) / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/** The first instant of the previous quarter plus three weeks, 10:00 China time. */
function inPreviousQuarter(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const quarterStartMonth = Math.floor(local.getUTCMonth() / 3) * 3;
  const start = new Date(Date.UTC(local.getUTCFullYear(), quarterStartMonth - 3, 22));
  return `${start.toISOString().slice(0, 10)}T10:00:00+08:00`;
}

/** Whether DATA_DIR already holds a county (the demo fills only a fresh one). */
export const hasData = (dataDir: string) =>
  existsSync(path.join(dataDir, 'dynamodb')) && readdirSync(path.join(dataDir, 'dynamodb')).length > 0;

export async function fillDemo(dataDir: string, say: (line: string) => void = console.log): Promise<void> {
  if (hasData(dataDir))
    throw new Error(`${dataDir} already holds data: the demo fills a fresh DATA_DIR (e.g. DATA_DIR=.demo npm run demo).`);
  const passes: [string, Record<string, string>, (client: Client) => Promise<void>][] = [
    ['the previous quarter', { CLOCK_START: inPreviousQuarter() }, pastQuarter],
    ['today', {}, thisQuarter],
  ];
  for (const [label, env, fill] of passes) {
    say(`Demo: filling ${label}...`);
    const runtime = await startRuntimeProcess(env, { dataDir });
    try {
      await fill(await clientFor(runtime.info.url, dataDir));
      await sleep(1500); // the stream worker delivers the last alerts and starts the last deadlines
    } finally {
      await runtime.stop();
    }
  }
  say(
    `Demo: ${DEPARTMENTS.length} departments, ${FEE_ITEMS.length} fee items, ${ENTERPRISES.length} enterprises with cards, complaints, pledges, inspections, ${APPROVAL_ITEMS.length} approval items with applications and appointments, an assisted project with its tasks and a joint meeting, supervision findings, a decided and appealed accountability case, the last placed's rectification plan and a reviewed retaliation flag are in ${dataDir}.`,
  );
}

/**
 * The county calendar at its edges, against DynamoDB Local and the local runtime: a year not
 * published yet stands on the statutory holidays and is said to be provisional; limits and
 * warnings are working time through one rule; a calendar the office sets re-times the running
 * matters. Dates are relative to the clock: the years are found from the shipped data.
 */
import { describe, expect, inject, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/db';
import { keys } from '#shared/data/table';
import { localDate } from '#shared/time/clock';
import { officialCalendar, timelineOf, workingDays } from '#shared/time/calendar';
import { calendarYear } from '#shared/outbox/calendar-store';
import { newId } from '#shared/data/ids';
import * as complaintService from '../../functions/complaints/service.ts';
import { handler as registry } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { invoke } from '../support/invoke.ts';
import { newDeptId } from '../support/data.ts';
import { eventually, sinkAlerts } from '../support/eventually.ts';

const office = { roles: ['soft-env-office'], sub: 'office-clerk' };
const clerk = (dept: string) => ({ roles: ['department'], dept, sub: `clerk@${dept}` });
const cst = (local: string) => new Date(`${local}+08:00`);
const thisYear = Number(localDate(new Date()).slice(0, 4));
/** The latest year the State Council has published here. */
const lastPublished = (() => {
  let year = thisYear + 1;
  while (!officialCalendar(year)) year -= 1;
  return year;
})();

async function department() {
  const dept = newDeptId('calendar');
  await invoke(registry, registryRoutes.routes.putDepartment, {
    params: { deptId: dept },
    json: { name: `Bureau ${dept}` },
    caller: office,
  });
  return dept;
}
const fileAt = (dept: string, now: Date) =>
  complaintService.fileComplaint(
    { againstDept: dept, category: 'inaction', description: 'My licence renewal has waited three weeks.' },
    undefined,
    { now, newId },
  );
const storedComplaint = async (id: string) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: keys.complaint(id), ConsistentRead: true }))).Item!;

describe('a year not published yet', () => {
  const year = lastPublished + 1;

  it("counts New Year's Day off for a complaint filed on 31 December, says the year is provisional, and tells the office once", async () => {
    const dept = await department();
    const first = await fileAt(dept, cst(`${lastPublished}-12-31T10:00:00`));
    await fileAt(dept, cst(`${lastPublished}-12-31T11:00:00`));
    const complaint = await storedComplaint(first.id);
    for (const deadline of [complaint.deadlines.acknowledgement.timeline, complaint.deadlines.resolution.timeline]) {
      for (const instant of [deadline.warnAt, deadline.deadline, deadline.escalateAt])
        expect(localDate(new Date(instant))).not.toBe(`${year}-01-01`);
    }
    const calendar = await invoke(registry, registryRoutes.routes.getCalendar, { params: { year: String(year) } });
    expect(calendar).toMatchObject({
      status: 200,
      body: {
        year,
        source: 'provisional',
        holidays: expect.arrayContaining([`${year}-01-01`, `${year}-10-01`]),
        note: expect.stringContaining('statutory'),
      },
    });
    const provisionalAlerts = () =>
      sinkAlerts(inject('runtime').dataDir).filter((alert) => alert.kind === 'calendar-provisional' && alert.subject.id === String(year));
    await eventually(() => expect(provisionalAlerts().length).toBeGreaterThan(0));
    expect(provisionalAlerts()).toHaveLength(1);
  });
});

describe('working time, through one rule', () => {
  // A year, relative to now, whose National Day holiday is published.
  const year = lastPublished;

  it('warns after a delay notice of 24 September moving the answer to 9 October on a working day, not on 4 October', async () => {
    const dept = await department();
    const filed = await fileAt(dept, cst(`${year}-09-22T10:00:00`));
    const notice = await complaintService.giveDelayNotice(
      filed.id,
      { reason: 'The site survey is after the holiday.', expectedBy: `${year}-10-09` },
      clerk(dept) as never,
      { now: cst(`${year}-09-24T10:00:00`), newId },
    );
    const { timeline } = notice.deadlines.resolution;
    const warnDay = localDate(new Date(timeline.warnAt));
    expect(warnDay).not.toBe(`${year}-10-04`);
    expect(workingDays([officialCalendar(year)!])(warnDay)).toBe(true);
    expect((await storedComplaint(filed.id)).deadlines.resolution.timeline.warnAt).toBe(timeline.warnAt);
  });
});

describe('a calendar the office sets', () => {
  // A year far enough ahead that no other test's deadlines reach it.
  const year = lastPublished + 4;

  it('re-times the running matters with deadlines in that year, under a new version', async () => {
    const dept = await department();
    const filed = await fileAt(dept, cst(`${year - 1}-12-31T10:00:00`));
    const before = await storedComplaint(filed.id);
    expect(before.deadlines.resolution.version).toBe(1);
    // The office gives the first two weeks of the year off.
    const holidays = Array.from({ length: 14 }, (_, index) => `${year}-01-${String(index + 1).padStart(2, '0')}`);
    const put = await invoke(registry, registryRoutes.routes.putCalendar, {
      params: { year: String(year) },
      json: { holidays, workdays: [] },
      caller: office,
    });
    expect(put).toMatchObject({ status: 200, body: { source: 'office' } });
    const after = await eventually(async () => {
      const complaint = await storedComplaint(filed.id);
      expect(complaint.deadlines.resolution.version).toBe(2);
      expect(complaint.deadlines.acknowledgement.version).toBe(2);
      return complaint;
    });
    expect(localDate(new Date(after.deadlines.resolution.timeline.deadline)) > `${year}-01-14`).toBe(true);
    expect(localDate(new Date(after.deadlines.acknowledgement.timeline.deadline)) > `${year}-01-14`).toBe(true);
    expect(after.deadlines.resolution.timeline.deadline > before.deadlines.resolution.timeline.deadline).toBe(true);
  });
});

describe('a year the shipped data comes to publish', () => {
  it('re-times the matters set on it while it was unpublished', async () => {
    // As if the deadlines of a year had been set on its provisional calendar, before this data
    // published it: the office's marker exists, and a running matter's stored timeline is stale.
    const year = lastPublished;
    const dept = await department();
    const filed = await fileAt(dept, cst(`${year}-09-22T10:00:00`));
    const stale = {
      ...(await storedComplaint(filed.id)).deadlines.resolution.timeline,
      deadline: cst(`${year}-09-29T10:00:00`).toISOString(),
    };
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.complaint(filed.id),
        UpdateExpression: 'SET deadlines.resolution.timeline = :stale',
        ExpressionAttributeValues: { ':stale': stale },
      }),
    );
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.calendarUnpublishedAlerted(year), source: 'provisional', alertedAt: new Date().toISOString() },
      }),
    );
    expect((await calendarYear(year)).source).toBe('official');
    const marker = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.calendarUnpublishedAlerted(year), ConsistentRead: true }),
    );
    expect(marker.Item).toMatchObject({ publishedAs: 'official' });
    const after = await eventually(async () => {
      const complaint = await storedComplaint(filed.id);
      expect(complaint.deadlines.resolution.version).toBe(2);
      return complaint;
    });
    const official = timelineOf(stale.timing, workingDays([officialCalendar(year)!]));
    expect(after.deadlines.resolution.timeline).toMatchObject({
      warnAt: official.warnAt,
      deadline: official.deadline,
      escalateAt: official.escalateAt,
    });
  });
});

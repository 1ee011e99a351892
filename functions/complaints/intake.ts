/**
 * Complaint intake, one for every way a complaint comes in: the public route, and the
 * complaints the system opens itself (a refused fee, a visit that was not allowed). It routes
 * the complaint, assigns the department's first available post, issues a tracking code kept
 * only as a hash, and watches its time limits.
 */
import type { DelayNotice } from '#shared/domain/delay-notice';
import { createHash } from 'node:crypto';
import { put, writeAll, type TransactItem } from '#shared/data/db';
import { keys, lists } from '#shared/data/table';
import { newSecret } from '#shared/data/ids';
import { localDate, toLocalIso } from '#shared/time/clock';
import { deadlineTimeline } from '#shared/outbox/calendar-store';
import type { Matter } from '#shared/outbox/matters';
import { startDeadlineEffect } from '#shared/outbox/effects';
import { countIn, type Figures } from '#shared/domain/evaluation';
import { raiseAlert } from '#shared/outbox/raise-alert';
import { alertWords, readableTime } from '#shared/alerts/alert-text';
import { complaintDescribed } from './described.ts';
import type { Timeline } from '#shared/time/calendar';
import {
  limitsFor,
  routeComplaint,
  type ComplaintCategory,
  type ComplaintLimits,
  type ComplaintRoute,
  type ComplaintStatus,
} from './rules.ts';
import { nextPost, type Assignment } from '#shared/domain/roster';
import { getRoster } from '#shared/domain/roster-store';
import type { Deps } from '#shared/domain/deps';
import { watchOpened } from '../accountability/watch.ts';

export interface ComplaintIntake {
  againstDept: string;
  category: ComplaintCategory;
  description: string;
  /** Who opened it: the public route, or a concern on the complainant's behalf. */
  source: 'public' | 'fee-refusal' | 'inspection-visit';
  occurredAt?: string;
  /** The person complained about, if named. */
  person?: string;
  /** Never shown to the department complained about. */
  complainant?: { sub?: string; enterpriseId?: string; contact?: string };
  subject?: { type: string; id: string };
}

export interface TimelineEvent {
  at: string;
  event: string;
  public: boolean;
  text: string;
}

export interface Complaint extends ComplaintIntake {
  id: string;
  routedTo: ComplaintRoute;
  status: ComplaintStatus;
  receivedAt: string;
  version: number;
  limits: ComplaintLimits;
  assignment?: Assignment;
  owner?: { sub: string; post: string; at: string };
  deadlines: {
    acknowledgement?: { version: number; timeline: Timeline };
    /** After a delay notice: version 2, and the deadline it replaced. */
    resolution: { version: number; timeline: Timeline; originalDeadline?: string };
  };
  delayNotice?: DelayNotice;
  resolution?: { summary: string; at: string; by: string };
  verdict?: { finding: 'substantiated' | 'unsubstantiated'; action: string; at: string; by: string };
  timeline: TimelineEvent[];
}

export const trackingHash = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');

/** The deadlines of a complaint: acknowledging (department-routed) and resolving (or the supervisors' verdict). */
export const acknowledgementMatter = (complaint: Pick<Complaint, 'id' | 'againstDept'>, version: number): Matter => ({
  concern: 'complaints',
  kind: 'acknowledgement',
  id: complaint.id,
  version,
  department: complaint.againstDept,
});
export const resolutionMatter = (complaint: Pick<Complaint, 'id' | 'againstDept' | 'routedTo'>, version: number): Matter => ({
  concern: 'complaints',
  kind: complaint.routedTo === 'supervisors' ? 'verdict' : 'resolution',
  id: complaint.id,
  version,
  department: complaint.againstDept,
});

/** The supervisors hear of an integrity complaint as it comes in. */
async function integrityAlert(complaint: Complaint, deps: Deps): Promise<TransactItem[]> {
  const what = await complaintDescribed(complaint);
  const due = readableTime(complaint.deadlines.resolution.timeline.deadline);
  return raiseAlert(
    {
      severity: 'warning',
      concern: 'complaints',
      department: complaint.againstDept,
      kind: 'integrity-complaint-received',
      ...alertWords(
        { zh: `收到廉政类投诉：${what.dept}`, en: `An integrity complaint against ${what.dept}` },
        {
          zh: `${what.zh}已转监督人员和软环境办处理，处理结论应于${due}前作出。`,
          en: `The ${what.en} was routed to the supervisors and the soft-environment office; the verdict is due by ${due}.`,
        },
      ),
      subject: { type: 'complaint', id: complaint.id },
    },
    deps,
  );
}

export interface PreparedComplaint {
  complaint: Complaint;
  trackingCode: string;
  /** The complaint, its tracking code, the department's count and its deadline watches, for the caller's transaction. */
  writes: TransactItem[];
}

/**
 * Builds a complaint for the caller's transaction. `alsoCount` adds the caller's own figures
 * for the same department to the complaint's counter update (a transaction may touch an item once).
 */
export async function prepareComplaint(
  intake: ComplaintIntake,
  { now, newId }: Deps,
  alsoCount: Partial<Figures> = {},
): Promise<PreparedComplaint> {
  const id = newId();
  const routedTo = routeComplaint(intake.category);
  const limits = limitsFor(intake.category);
  const at = toLocalIso(now);
  const timeline: TimelineEvent[] = [{ at, event: 'received', public: true, text: 'Complaint received.' }];
  let assignment: Assignment | undefined;
  let acknowledgement: Complaint['deadlines']['acknowledgement'];
  if (routedTo === 'department') {
    assignment = nextPost(await getRoster(intake.againstDept, localDate(now)), { on: localDate(now) });
    timeline.push({ at, event: 'assigned', public: false, text: `Assigned to post ${assignment.post} (${assignment.handlerName}).` });
    acknowledgement = { version: 1, timeline: await deadlineTimeline(now, limits.acknowledgeDays, 'complaints') };
  } else {
    timeline.push({ at, event: 'routed', public: false, text: 'Routed to the discipline supervisors and the soft-environment office.' });
  }
  const complaint: Complaint = {
    ...intake,
    id,
    routedTo,
    status: 'received',
    receivedAt: at,
    version: 1,
    limits,
    ...(assignment ? { assignment } : {}),
    deadlines: {
      ...(acknowledgement ? { acknowledgement } : {}),
      resolution: { version: 1, timeline: await deadlineTimeline(now, limits.resolveDays, 'complaints') },
    },
    timeline,
  };
  const trackingCode = newSecret(24);
  const instant = now.toISOString();
  // The supervisors hear of an integrity matter as it comes in, not at its first warning. (The
  // complaints the system opens itself are alerted by their concern, in the same transaction.)
  const intakeAlert = routedTo === 'supervisors' && intake.source === 'public' ? await integrityAlert(complaint, { now, newId }) : [];
  return {
    complaint,
    trackingCode,
    writes: [
      put(
        {
          ...keys.complaint(id),
          ...lists.complaints.entries({ dept: intake.againstDept, enterpriseId: intake.complainant?.enterpriseId, at: instant, id }),
          type: 'complaint',
          ...complaint,
          trackingHash: trackingHash(trackingCode),
        },
        { ifNew: true, ifFailed: () => new Error(`complaint ${id} exists already`) },
      ),
      put(
        { ...keys.tracking(trackingHash(trackingCode)), type: 'tracking', complaintId: id },
        { ifNew: true, ifFailed: () => new Error(`the tracking code of complaint ${id} is taken`) },
      ),
      countIn(intake.againstDept, now, { complaintsReceived: 1, ...alsoCount }),
      ...(acknowledgement ? [startDeadlineEffect(acknowledgementMatter(complaint, 1), acknowledgement.timeline, newId(), now)] : []),
      startDeadlineEffect(resolutionMatter(complaint, 1), complaint.deadlines.resolution.timeline, newId(), now),
      ...intakeAlert,
      // An enterprise's complaint opens the retaliation watch on the department it named (打击报复).
      ...(await watchOpened({ id, againstDept: intake.againstDept, enterpriseId: intake.complainant?.enterpriseId }, now)),
    ],
  };
}

/** Opens a complaint on its own (the public route). */
export async function openComplaint(intake: ComplaintIntake, deps: Deps): Promise<PreparedComplaint> {
  const prepared = await prepareComplaint(intake, deps);
  await writeAll(prepared.writes);
  return prepared;
}

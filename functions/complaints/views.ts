/**
 * What each reader may see of a complaint. The complainant's identity and contact are for the
 * supervisors and the soft-environment office only; the tracking page shows the public steps.
 */
import type { Complaint } from './intake.ts';
import { toLocalIso } from '#shared/time/clock';
import type * as z from 'zod/mini';
import type { ownComplaintView, trackingView } from './responses.ts';

type Stored = Complaint & { trackingHash?: string };

/** For the supervisors and the soft-environment office: everything but the tracking hash. */
export function supervisorView(complaint: Stored) {
  const { trackingHash: _hash, ...rest } = complaint;
  return rest;
}

/** For the department complained about: the matter and its handling, never who complained. */
export function departmentView(complaint: Stored) {
  const { trackingHash: _hash, complainant: _complainant, ...rest } = complaint;
  return rest;
}

/**
 * For the enterprise that complained, in its own listing: what it wrote and the public steps,
 * with no identity (not its own record of who signed in, nor the handlers').
 */
export function complainantView(complaint: Stored): z.output<typeof ownComplaintView> {
  return { id: complaint.id, description: complaint.description, source: complaint.source, ...publicView(complaint) };
}

/** For whoever holds the tracking code: status, dates and the department's public answers only. */
export function publicView(complaint: Stored): z.output<typeof trackingView> {
  return {
    status: complaint.status,
    category: complaint.category,
    againstDept: complaint.againstDept,
    receivedAt: complaint.receivedAt,
    answerDueBy: toLocalIso(new Date(complaint.deadlines.resolution.timeline.deadline)),
    ...(complaint.delayNotice
      ? {
          delayNotice: { reason: complaint.delayNotice.reason, expectedBy: complaint.delayNotice.expectedBy, at: complaint.delayNotice.at },
        }
      : {}),
    ...(complaint.resolution ? { answer: { summary: complaint.resolution.summary, at: complaint.resolution.at } } : {}),
    ...(complaint.verdict
      ? { verdict: { finding: complaint.verdict.finding, action: complaint.verdict.action, at: complaint.verdict.at } }
      : {}),
    timeline: complaint.timeline.filter((event) => event.public).map(({ at, event, text }) => ({ at, event, text })),
  };
}

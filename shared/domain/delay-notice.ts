/** 滞后反馈告知: a delay notice, the same for a complaint's answer and an application's decision. */

/** What the department gives: why it will be late, and the date it expects to be done by. */
export interface DelayNoticeInput {
  reason: string;
  /** A China date (YYYY-MM-DD). */
  expectedBy: string;
}

/** The notice as kept on the matter: when it was given too. */
export type DelayNotice = DelayNoticeInput & { at: string };

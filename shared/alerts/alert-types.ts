/** The vocabulary of alerts, also used by route declarations (which must not load any client). */
export const SEVERITIES = ['info', 'warning', 'breach', 'escalation'] as const;
export const CONCERNS = [
  'fee-cards',
  'inspections',
  'pledges',
  'complaints',
  'applications',
  'appointments',
  'assistance',
  'accountability',
] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Concern = (typeof CONCERNS)[number];

/**
 * The alert fields every SNS message carries as message attributes, so that a subscription can
 * filter on them (e.g. one department's breaches): the effects worker's delivery and the state
 * machine's publish states both send these.
 */
export const ALERT_MESSAGE_ATTRIBUTES = ['severity', 'concern', 'department'] as const;
export type AlertMessageAttribute = (typeof ALERT_MESSAGE_ATTRIBUTES)[number];

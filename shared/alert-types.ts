/** The vocabulary of alerts, also used by route declarations (which must not load any client). */
export const SEVERITIES = ['info', 'warning', 'breach', 'escalation'] as const;
export const CONCERNS = ['fee-cards', 'inspections', 'pledges', 'complaints', 'applications', 'appointments'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Concern = (typeof CONCERNS)[number];

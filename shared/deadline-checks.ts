/** What a concern answers when the deadline workflow asks about one of its matters. */
import type { AlertInput } from './alerts.ts';
import type { Matter, Stage } from './matters.ts';

export type CheckResult = { open: false } | { open: true; alert: Omit<AlertInput, 'severity' | 'concern' | 'department'> };

export type MatterCheck = (matter: Matter, stage: Stage, now: Date) => Promise<CheckResult>;

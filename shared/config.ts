/**
 * Configuration, parsed from the environment once, at cold start: a missing or wrong value
 * fails the cold start, not a request.
 */
import * as z from 'zod/mini';

const optionalText = z.optional(z.string().check(z.minLength(1)));

const schema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** The supervisors' SNS topic (AWS; the effects function delivers alerts there). */
  ALERT_TOPIC_ARN: optionalText,
  /** The local alert sink: alerts.jsonl under DATA_DIR (local runtime). */
  LOCAL_ALERTS_FILE: optionalText,
  /** Comma-separated URLs each local alert is posted to. */
  ALERT_WEBHOOKS: z.optional(z.string()),
  /** The deadline state machine (functions that start timed matters). */
  DEADLINE_STATE_MACHINE_ARN: optionalText,
  /** The local runtime (DynamoDB Local) only: read a transaction back before answering, so an answer means on disk (see data/local-commit.ts). */
  LOCAL_COMMIT_BARRIER: z.optional(z.literal('1')),
  /** Where the token issuer publishes its keys, for routes that verify an optional token themselves. */
  JWKS_URL: optionalText,
  JWT_ISSUER: optionalText,
  /** One audience, or several comma-separated (people's app client and department systems). */
  JWT_AUDIENCE: optionalText,
  /** The secret the console's CloudFront sends with the viewer's address (shared/http/client-address.ts). */
  EDGE_SECRET: optionalText,
  /** The function's name in its logs (Powertools). */
  POWERTOOLS_SERVICE_NAME: optionalText,
  /** The claim a county's own identity platform carries the roles in (default `roles`). */
  ROLES_CLAIM: optionalText,
  /** Working days the soft-environment office has to decide an inspection filed after the 25th. */
  APPROVAL_LIMIT_DAYS: z.optional(z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => n > 0 && n <= 30, 'between 0 and 30'))),
  /** Routine inspections per enterprise, department and year. */
  ROUTINE_INSPECTIONS_PER_YEAR: z.optional(
    z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 50, 'a whole number up to 50')),
  ),
});

export type Config = z.infer<typeof schema>;

/** The variables a function may be given, as the stack and the local runtime set them. */
export type FunctionEnvironment = { [K in keyof Config]?: string };

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration in the environment: ${fields}`);
  }
  return parsed.data;
}

export const config: Config = parseConfig(process.env);

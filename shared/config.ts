/**
 * Configuration, parsed from the environment once, at cold start: a missing or wrong value
 * fails the cold start, not a request.
 */
import * as z from 'zod/mini';

const optionalText = z.optional(z.string().check(z.minLength(1)));

const schema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** The supervisors' SNS topic (AWS). */
  ALERT_TOPIC_ARN: optionalText,
  /** The local alert sink: alerts.jsonl under DATA_DIR (local runtime). */
  LOCAL_ALERTS_FILE: optionalText,
  /** Comma-separated URLs each local alert is posted to. */
  ALERT_WEBHOOKS: z.optional(z.string()),
});

export type Config = z.infer<typeof schema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration in the environment: ${fields}`);
  }
  if (!parsed.data.ALERT_TOPIC_ARN && !parsed.data.LOCAL_ALERTS_FILE) {
    throw new Error('Invalid configuration: set ALERT_TOPIC_ARN (AWS) or LOCAL_ALERTS_FILE (local runtime).');
  }
  return parsed.data;
}

export const config: Config = parseConfig(process.env);

/** The local runtime's settings (docs/running-locally.md), parsed once with zod. */
import path from 'node:path';
import * as z from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('.data'),
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  TIME_SCALE: z.coerce.number().positive().default(1),
  ALERT_WEBHOOKS: z.string().optional(),
  HOST: z.string().default('127.0.0.1'),
});

export type LocalSettings = z.infer<typeof schema> & { dataDir: string };

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

export const LOCAL_TABLE_NAME = 'soft-env';

/** Listing the alerts sent: a Query on the alerts list, newest first, filtered. */
import * as z from 'zod/mini';
import { queryPage } from '#shared/data/db';
import { patterns } from '#shared/data/table';
import { decoderOf } from '#shared/data/codecs';
import { CONCERNS, SEVERITIES, type Alert } from '#shared/alerts/alerts';

const alertCodec: z.ZodMiniType<Alert> = z.object({
  id: z.string(),
  at: z.string(),
  severity: z.enum(SEVERITIES),
  concern: z.enum(CONCERNS),
  department: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
});

export async function alertsPage(
  filters: { severity?: string; dept?: string; concern?: string },
  limit: number,
  cursor: string | undefined,
) {
  const filter = { severity: filters.severity, concern: filters.concern, department: filters.dept };
  return queryPage(patterns.alerts(), { limit, cursor, filter }, decoderOf(alertCodec));
}

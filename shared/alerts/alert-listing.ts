/** Listing the alerts sent: a Query on the alerts list, newest first, filtered. */
import * as z from 'zod/mini';
import { queryPage } from '#shared/data/db';
import { patterns } from '#shared/data/table';
import { decoderOf, stored } from '#shared/data/codecs';
import type { Alert } from '#shared/alerts/alerts';
import { alertFields } from '#shared/alerts/alert-record';

const alertCodec: z.ZodMiniType<Alert> = z.object({
  ...alertFields(stored),
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

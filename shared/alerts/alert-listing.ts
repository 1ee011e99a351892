/** Listing the alerts sent: a Query on the alerts list, newest first, filtered. */
import { queryPage } from '#shared/data/db';
import { patterns } from '#shared/data/table';
import { decoderOf } from '#shared/data/codecs';
import { alertCodec } from '#shared/alerts/alert-record';

export async function alertsPage(
  filters: { severity?: string; dept?: string; concern?: string },
  limit: number,
  cursor: string | undefined,
) {
  const filter = { severity: filters.severity, concern: filters.concern, department: filters.dept };
  return queryPage(patterns.alerts(), { limit, cursor, filter }, decoderOf(alertCodec));
}

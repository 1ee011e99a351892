/**
 * Which address a per-client limit counts: the one API Gateway saw (requestContext.http.sourceIp,
 * not a header a client can set), except behind the console's CloudFront distribution, where
 * API Gateway sees CloudFront's own addresses (one counter for everyone at one edge). There a
 * CloudFront Function puts the viewer's address in EDGE_VIEWER_HEADER (replacing any the client
 * sent), and CloudFront adds EDGE_SECRET_HEADER with a secret only it and the intake function
 * hold (infra/constructs/console-site.ts); the header's address is trusted only with that
 * secret, so a caller of execute-api itself cannot choose its own.
 */
import { timingSafeEqual } from 'node:crypto';

export const EDGE_VIEWER_HEADER = 'x-soft-env-viewer';
export const EDGE_SECRET_HEADER = 'x-soft-env-edge';

/** The client's address: the viewer's as CloudFront saw it when the request proves it came through CloudFront, else API Gateway's. */
export function clientAddress(
  headers: Record<string, string | undefined> | undefined,
  sourceIp: string,
  edgeSecret = process.env.EDGE_SECRET,
): string {
  const viewer = headers?.[EDGE_VIEWER_HEADER];
  const presented = headers?.[EDGE_SECRET_HEADER];
  if (!edgeSecret || !viewer || !presented) return sourceIp;
  const [given, expected] = [Buffer.from(presented), Buffer.from(edgeSecret)];
  return given.length === expected.length && timingSafeEqual(given, expected) ? viewer : sourceIp;
}

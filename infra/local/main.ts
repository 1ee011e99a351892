/**
 * `npm start`: the whole system on this machine (see runtime.ts). The settings go into the
 * environment before any handler module is loaded, as Lambda's configuration would.
 */
import { localSettings } from './settings.ts';

const settings = localSettings();
if (settings.CLOCK_START) process.env.CLOCK_START = settings.CLOCK_START;
process.env.TIME_SCALE = String(settings.TIME_SCALE);
if (settings.ALERT_WEBHOOKS) process.env.ALERT_WEBHOOKS = settings.ALERT_WEBHOOKS;

const started = Date.now();
const { ensureWebBuild } = await import('../web-build.ts');
await ensureWebBuild();
const { startLocalRuntime } = await import('./runtime.ts');
const runtime = await startLocalRuntime(settings);
const url = runtime.url;
console.log(`soft-env is running at ${url} (web console: ${url}/ ; started in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${settings.dataDir})
  Try:   curl ${url}/health
  Token: npm run token -- --role soft-env-office     (then: curl -H "Authorization: Bearer <token>" ${url}/alerts)
  The README walks through fee cards, inspections, complaints, pledges and the evaluation. API: ${url}/openapi.json. Stop with Ctrl-C.`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: finishing requests in flight and stopping...`);
  await runtime.stop();
  console.log('Stopped; the data is kept in', settings.dataDir);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

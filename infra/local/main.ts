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
const say = (step: string) => console.log(`[soft-env ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${step}`);
if (process.argv.includes('--demo')) {
  const { fillDemo, hasData } = await import('./demo/fill.ts');
  if (hasData(settings.dataDir)) say(`--demo: ${settings.dataDir} already holds data; starting with it as it is.`);
  else {
    try {
      await fillDemo(settings.dataDir, say);
    } catch (error) {
      console.error(`soft-env could not fill the demo county: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
say('Starting: checking the data folder, the port and Java...');
const { ensureWebBuild } = await import('../web-build.ts');
say('Building the web console when its sources changed...');
await ensureWebBuild();
const { startLocalRuntime } = await import('./runtime.ts');
const { StartupError } = await import('./preflight.ts');
let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
try {
  runtime = await startLocalRuntime(settings, say);
} catch (error) {
  // What was started has been stopped; say why in a sentence (the details only when unexpected).
  console.error(`soft-env could not start: ${error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error))}`);
  process.exit(1);
}
const url = runtime.url;
console.log(`soft-env is running at ${url} (web console: ${url}/ ; started in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${settings.dataDir})
  Try:   curl ${url}/health
  Token: npm run token -- --role soft-env-office     (then: curl -H "Authorization: Bearer <token>" ${url}/alerts)
  docs/README.md walks through fee cards, inspections, complaints, pledges, the service centre and the evaluation. API: ${url}/openapi.json, browsable at ${url}/docs. Stop with Ctrl-C.`);

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

/**
 * `npm run demo`: fills a fresh DATA_DIR (default .data) with the demo county. The filler is the
 * local runtime's (infra/local/demo/), so `npm start -- --demo` calls it without reaching into scripts/.
 */
import path from 'node:path';
import { fillDemo } from '../infra/local/demo/fill.ts';

export { fillDemo, hasData } from '../infra/local/demo/fill.ts';

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  try {
    await fillDemo(dataDir);
    console.log(`Now: DATA_DIR=${process.env.DATA_DIR ?? '.data'} npm start`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

// Writes shared/official-calendar.json from the maintained `chinese-days` package: for each
// year since 2020, its public holidays and its weekend days made working days (调休). Only the
// dates: the package's names and lunar data stay out of the Lambda bundles.
// Run after updating chinese-days: npm run calendar:update (a test fails until you do).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FIRST_YEAR = 2020;
const require = createRequire(import.meta.url);
const source = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));

export function officialCalendarData() {
  const years = {};
  for (const [kind, dates] of [['holidays', source.holidays], ['workdays', source.workdays]]) {
    for (const date of Object.keys(dates).sort()) {
      const year = Number(date.slice(0, 4));
      if (year < FIRST_YEAR) continue;
      years[year] ??= { holidays: [], workdays: [] };
      years[year][kind].push(date);
    }
  }
  return { source: `chinese-days@${require('chinese-days/package.json').version}`, years };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(new URL('../shared/official-calendar.json', import.meta.url), `${JSON.stringify(officialCalendarData(), null, 1)}\n`);
  console.log('shared/official-calendar.json written');
}

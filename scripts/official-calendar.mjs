// Writes shared/time/official-calendar.json from the maintained `chinese-days` package:
// - official: for each year since 2020 the State Council published, its public holidays and its
//   weekend days made working days (调休);
// - provisional: for the years after those, up to PROVISIONAL_UNTIL, the statutory holidays the
//   law itself fixes (computed below from chinese-days' lunar calendar and solar terms), which
//   stand in until the State Council publishes the year.
// Only the dates: the package's names and lunar tables stay out of the Lambda bundles.
// Run after updating chinese-days: npm run calendar:update (a test fails until you do).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FIRST_YEAR = 2020;
const PROVISIONAL_UNTIL = 2035;
const require = createRequire(import.meta.url);
const chineseDays = require('chinese-days');
const source = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));

const iso = (date) => date.toISOString().slice(0, 10);
const plusDays = (date, days) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const isWeekend = (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const lunar = (year, month, day) =>
  chineseDays.getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;

/**
 * The public holidays of a year by 《全国年节及纪念日放假办法》 (as amended in 2024, in force from
 * 2025), art. 2: New Year's Day (1 January); the Spring Festival (lunar New Year's Eve and the
 * 1st to 3rd of the first lunar month); Qingming (the day of the solar term); Labour Day
 * (1 and 2 May); the Dragon Boat Festival (5th of the fifth lunar month); the Mid-Autumn
 * Festival (15th of the eighth lunar month); National Day (1 to 3 October). Art. 6: a holiday
 * for everyone that falls on a Saturday or Sunday is made up on a working day (the next one).
 */
export function statutoryHolidays(year) {
  const newYear = lunar(year, 1, 1);
  const days = [
    `${year}-01-01`,
    plusDays(newYear, -1),
    newYear,
    plusDays(newYear, 1),
    plusDays(newYear, 2),
    chineseDays.getSolarTermDate(year, 4, 'pure_brightness'),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar(year, 5, 5),
    lunar(year, 8, 15),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  const holidays = new Set(days);
  for (const day of [...holidays].sort()) {
    if (!isWeekend(day)) continue;
    let makeUp = plusDays(day, 1);
    while (isWeekend(makeUp) || holidays.has(makeUp)) makeUp = plusDays(makeUp, 1);
    holidays.add(makeUp);
  }
  return [...holidays].filter((day) => day.startsWith(`${year}-`)).sort();
}

export function officialCalendarData() {
  const years = {};
  for (const [kind, dates] of [
    ['holidays', source.holidays],
    ['workdays', source.workdays],
  ]) {
    for (const date of Object.keys(dates).sort()) {
      const year = Number(date.slice(0, 4));
      if (year < FIRST_YEAR) continue;
      years[year] ??= { holidays: [], workdays: [] };
      years[year][kind].push(date);
    }
  }
  const lastPublished = Math.max(...Object.keys(years).map(Number));
  const provisional = {};
  for (let year = lastPublished + 1; year <= PROVISIONAL_UNTIL; year += 1)
    provisional[year] = { holidays: statutoryHolidays(year), workdays: [] };
  return { source: `chinese-days@${require('chinese-days/package.json').version}`, years, provisional };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(new URL('../shared/time/official-calendar.json', import.meta.url), `${JSON.stringify(officialCalendarData(), null, 1)}\n`);
  console.log('shared/time/official-calendar.json written');
}

/** The demo's inspections: one after the 25th awaiting the office's approval, a safety check filed at once. */
import { addDays } from '#shared/time/clock';
import type { Client } from './client.ts';
import { ENTERPRISES } from './county.ts';

export async function todaysInspections({ call, tokens }: Client, today: string) {
  const [textiles, , machinery] = ENTERPRISES;
  const market = await tokens.dept('market-regulation');
  const fire = await tokens.dept('fire-rescue');
  // An inspection after the 25th waits for the office's approval; a safety check on a quiet day is filed at once.
  let planned = addDays(today, 1);
  while (Number(planned.slice(8, 10)) < 26) planned = addDays(planned, 1);
  await call('POST', '/inspections', market, {
    enterpriseId: textiles.id,
    plannedDate: planned,
    category: 'routine',
    reason: '年度计量器具监督检查',
    legalBasis: '《计量法》第十八条',
    inspectors: ['李明', '陈静'],
  });
  let quiet = addDays(today, 1);
  while (Number(quiet.slice(8, 10)) > 25) quiet = addDays(quiet, 1);
  await call('POST', '/inspections', fire, {
    enterpriseId: machinery.id,
    plannedDate: quiet,
    category: 'safety',
    reason: '锅炉房消防设施安全检查',
    legalBasis: '《消防法》第五十三条',
    inspectors: ['郑凯'],
  });
}

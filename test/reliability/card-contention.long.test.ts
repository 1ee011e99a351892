/**
 * Thirty fee entries on one card at the same moment, as windows can produce them: every one is
 * recorded (201), none is turned away as busy, and the card's chain holds all of them unbroken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/data.ts';
import { buildWorld, send, type World } from './support.ts';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('contention on one card', () => {
  it('records 30 simultaneous entries without a card-busy refusal', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        send('POST', `/fee-cards/${world.entA}/entries`, {
          token: world.tokens.department,
          json: {
            feeItemCode: world.feeItemCode,
            amount: 10000 + n,
            collector: 'Wang Li',
            collectedAt: new Date(Date.now() - 60_000).toISOString(),
            receiptNo: `C-${uniqueSuffix()}-${n}`,
          },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    console.log(
      `card contention: ${statuses.filter((status) => status === 201).length} of 30 recorded; others ${JSON.stringify(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body?.type ?? ''}`))}`,
    );
    expect(statuses).toEqual(Array(30).fill(201));
    const card = await send('GET', `/fee-cards/${world.entA}`, { token: world.tokens['soft-env-office'] });
    expect(card.body.chain).toMatchObject({ valid: true, entries: 31 });
  }, 120_000);
});

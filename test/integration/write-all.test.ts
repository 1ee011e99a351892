/**
 * writeAll, the one way transactions are written: each item carries the error its condition
 * failing means, collisions are retried. The cancellations are simulated (DynamoDB Local
 * serialises transactions); the last test writes to DynamoDB Local for real.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionFailedError, db, refused, tableName, tryWriteAll, writeAll } from '#shared/data/db';
import { ConflictError } from '#shared/http/errors';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const put = { Put: { TableName: 't', Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' } };
const update = {
  Update: { TableName: 't', Key: { pk: 'c', sk: 'd' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } },
};

afterEach(() => vi.restoreAllMocks());

describe('writeAll', () => {
  it('sends every item in one TransactWriteItems request, without the meaning it carries', async () => {
    const send = vi.spyOn(db, 'send').mockResolvedValue({} as never);
    await writeAll([{ ...put, ifFailed: () => new ConflictError('taken') }, update]);
    expect(send).toHaveBeenCalledTimes(1);
    const command: unknown = send.mock.calls[0]![0];
    if (!(command instanceof TransactWriteCommand)) throw new Error('not a TransactWriteCommand');
    expect(command.input.TransactItems).toEqual([put, update]);
  });

  it('retries a transaction that collided with another on a shared item, then succeeds', async () => {
    const send = vi
      .spyOn(db, 'send')
      .mockRejectedValueOnce(cancelled('None', 'TransactionConflict'))
      .mockRejectedValueOnce(cancelled('None', 'TransactionConflict'))
      .mockResolvedValue({} as never);
    await writeAll([put, update]);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('throws the error the failed item carries, whatever its position, without retrying', async () => {
    const send = vi.spyOn(db, 'send').mockRejectedValue(cancelled('None', 'ConditionalCheckFailed'));
    await expect(
      writeAll([update, { ...put, ifFailed: () => new ConflictError('Receipt taken', 'duplicate-receipt') }]),
    ).rejects.toMatchObject({ status: 409, detail: 'Receipt taken' });
    expect(send).toHaveBeenCalledTimes(1);
    await expect(writeAll([put, update])).rejects.toBeInstanceOf(ConditionFailedError);
    expect(await tryWriteAll<'taken'>([update, { ...put, ifFailed: refused('taken') }])).toBe('taken');
  });

  it('gives up after its attempts, and throws what is not a cancellation', async () => {
    vi.spyOn(db, 'send').mockRejectedValue(cancelled('TransactionConflict', 'None'));
    await expect(writeAll([put, update], 3)).rejects.toBeInstanceOf(TransactionCanceledException);
    vi.spyOn(db, 'send').mockRejectedValue(new Error('ProvisionedThroughputExceeded'));
    await expect(writeAll([put, update])).rejects.toThrow('ProvisionedThroughputExceeded');
  });

  it("on DynamoDB Local: a taken key throws its item's error and writes nothing of the transaction", async () => {
    const id = `write-all-${Date.now()}-${Math.random()}`;
    const first = { Put: { TableName: tableName, Item: { pk: id, sk: 'A' }, ConditionExpression: 'attribute_not_exists(pk)' } };
    const second = { Put: { TableName: tableName, Item: { pk: id, sk: 'B' } } };
    await writeAll([first]);
    await expect(writeAll([second, { ...first, ifFailed: () => new ConflictError(`${id} is taken`) }])).rejects.toMatchObject({
      status: 409,
      detail: `${id} is taken`,
    });
    expect((await db.send(new GetCommand({ TableName: tableName, Key: { pk: id, sk: 'B' } }))).Item).toBeUndefined();
  });
});

/**
 * writeAll, the one way transactions are written: the error mapping DynamoDB's cancellation
 * reasons need (DynamoDB Local serialises transactions, so the collisions are simulated here).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, writeAll } from '#shared/db';

const cancelled = (...codes: string[]) => new TransactionCanceledException({
  message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })),
});
const items = [{ Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } }, { Update: { TableName: 't', Key: { pk: 'c', sk: 'd' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } }];

afterEach(() => vi.restoreAllMocks());

describe('writeAll', () => {
  it('sends every item in one TransactWriteItems request', async () => {
    const send = vi.spyOn(db, 'send').mockResolvedValue({} as never);
    expect(await writeAll(items)).toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]![0] as TransactWriteCommand;
    expect(command).toBeInstanceOf(TransactWriteCommand);
    expect(command.input.TransactItems).toEqual(items);
  });

  it('retries a transaction that collided with another on a shared item, then succeeds', async () => {
    const send = vi.spyOn(db, 'send')
      .mockRejectedValueOnce(cancelled('None', 'TransactionConflict'))
      .mockRejectedValueOnce(cancelled('None', 'TransactionConflict'))
      .mockResolvedValue({} as never);
    expect(await writeAll(items)).toBeUndefined();
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('reports the first item whose condition failed, without retrying', async () => {
    const send = vi.spyOn(db, 'send').mockRejectedValue(cancelled('None', 'ConditionalCheckFailed'));
    expect(await writeAll(items)).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after its attempts, and throws what is not a cancellation', async () => {
    vi.spyOn(db, 'send').mockRejectedValue(cancelled('TransactionConflict', 'None'));
    await expect(writeAll(items, 3)).rejects.toBeInstanceOf(TransactionCanceledException);
    vi.spyOn(db, 'send').mockRejectedValue(new Error('ProvisionedThroughputExceeded'));
    await expect(writeAll(items)).rejects.toThrow('ProvisionedThroughputExceeded');
  });
});

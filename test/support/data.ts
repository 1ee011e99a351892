/** Unique test data: every test makes its own enterprises, departments and codes. */
import { randomBytes, randomInt } from 'node:crypto';
import { completeCreditCode } from '#shared/domain/credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random, valid unified social credit code. */
export function newCreditCode(): string {
  let body = '91';
  for (let i = 0; i < 6; i += 1) body += String(randomInt(10));
  for (let i = 0; i < 9; i += 1) body += CHARSET.charAt(randomInt(CHARSET.length));
  return completeCreditCode(body);
}

export const uniqueSuffix = (): string => randomBytes(4).toString('hex');
export const newDeptId = (prefix = 'dept'): string => `${prefix}-${uniqueSuffix()}`;
export const newCode = (prefix = 'FEE'): string => `${prefix}-${uniqueSuffix()}`;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character set (no I, O, Z, S, V); the 18th is a check character over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined if any is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARSET.indexOf(first17[i] as string);
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] as number);
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** The full code for 17 allowed characters (for generated data); throws on a character the set does not allow. */
export function completeCreditCode(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === undefined) throw new Error(`not the first 17 characters of a credit code: ${first17}`);
  return first17 + check;
}

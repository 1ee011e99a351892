import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isValidCreditCode } from '#shared/domain/credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes whose check character is right', () => {
    // The standard's own worked example and a code whose check character is the letter E.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110108MA01ABCD1E')).toBe(true);
  });

  it('computes the check character over the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    // A weighted sum divisible by 31 gives check value 0, not 31.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('rejects a wrong check character, wrong length, forbidden letters and non-digit region codes', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I is not in the character set
    expect(isValidCreditCode('9135O100M000100Y43')).toBe(false); // region code must be digits
    expect(isValidCreditCode('91350100m000100y43')).toBe(false); // lower case is not allowed
  });
});

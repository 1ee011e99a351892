/**
 * The tracking codes this browser received (a complaint filed, a charge refused, a visit not
 * allowed): the API keeps only their hash, so "my complaints" is what the browser remembers.
 */
const STORED = 'soft-env.tracking-codes';
export interface KeptCode { code: string; at: string; what: string }

export const keptCodes = (): KeptCode[] => {
  try { return JSON.parse(localStorage.getItem(STORED) ?? '[]') as KeptCode[]; } catch { return []; }
};
export function keepCode(code: string, what: string) {
  localStorage.setItem(STORED, JSON.stringify([{ code, at: new Date().toISOString(), what }, ...keptCodes().filter((kept) => kept.code !== code)].slice(0, 50)));
}

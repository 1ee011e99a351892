import { randomBytes, randomUUID } from 'node:crypto';

export type NewId = () => string;

/** Opaque record ids. */
export const newId: NewId = () => randomUUID();

/** A long random secret (used for complaint tracking codes). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

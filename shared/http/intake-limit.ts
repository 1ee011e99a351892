/**
 * Complaint intake's limit per client address (counted by client-limit.ts): declared here, with
 * no client loaded, because the problem types describe it (the 429's meaning in the OpenAPI
 * document) and shared/ does not reach up into a concern; the complaints' routes apply it.
 */
export const INTAKE_PER_CLIENT = { requests: 10, windowSeconds: 60 } as const;

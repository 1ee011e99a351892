/**
 * The domain's failures by kind. They are declared at the foot of shared/ (shared/errors.ts)
 * because the data kit throws one too (a cursor that is not the listing's is invalid input);
 * this is their name for the concerns, which keep importing them from the domain.
 */
export * from '../errors.ts';

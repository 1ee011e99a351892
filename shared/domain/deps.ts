/** What a service operation is given besides its input: the instant it runs at and the ids it hands out (injected, so tests fix them). */
export interface Deps {
  now: Date;
  newId: () => string;
}

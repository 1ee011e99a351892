/** `body` is sent as JSON; `text` as is (with its content-type in `headers`). */
export interface Answer {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** An answer other than the route's usual one (another status, CSV text, headers), made with `reply`. */
export class Reply {
  constructor(readonly answer: Answer) {}
}
export const reply = (answer: Answer): Reply => new Reply(answer);

/**
 * What `npm start` checks before it starts anything, so that a failure leaves no process
 * behind and says, in one sentence, what to do.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A reason not to start, meant for the person at the terminal (no stack trace). */
export class StartupError extends Error {}

/** DynamoDB Local runs on the `java` found on PATH, version 17 or newer. */
export function checkJava(): string {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new StartupError(
      'Java was not found: DynamoDB Local needs Java 17 or newer on PATH (install it with `apt-get install openjdk-17-jre-headless`; `npm ci` does so when it runs as root).',
    );
  }
  const version = Number(/version "(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (version < 17)
    throw new StartupError(
      `Java ${version || '(unknown version)'} was found, but DynamoDB Local needs Java 17 or newer (apt-get install openjdk-17-jre-headless).`,
    );
  return `Java ${version}`;
}

/** Whether the API's port can be listened on (0: any free port, always). */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} on ${host} is already taken (is soft-env already running?): stop what uses it, or start on another port with PORT=3001 npm start.`,
            )
          : new StartupError(`Cannot listen on ${host}:${port}: ${error.message}.`),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

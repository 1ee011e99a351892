/**
 * The local runtime's state files (the stream position, the deadline executions): written
 * atomically (a temporary file, fsync, rename, fsync of the folder), so a crash leaves the old
 * content or the new, never an empty or half-written file; and read tolerantly, so a damaged
 * file is logged, set aside and replaced by the fallback, and the runtime always starts again.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeStateFile(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(value));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  const folder = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

/** The file's JSON when it is there and valid for `accept`, else `fallback` (a damaged file is kept beside it as `.corrupt`). */
export function readStateFile<T>(
  file: string,
  fallback: T,
  accept: (value: unknown) => value is T,
  log: (message: string) => void = console.warn,
): T {
  if (!existsSync(file)) return fallback;
  const text = readFileSync(file, 'utf8');
  try {
    const value = JSON.parse(text) as unknown;
    if (accept(value)) return value;
  } catch {
    // damaged: below
  }
  const kept = `${file}.corrupt`;
  renameSync(file, kept);
  log(`${path.basename(file)} was damaged (${text.length} bytes); kept as ${path.basename(kept)}, starting from an empty state`);
  return fallback;
}

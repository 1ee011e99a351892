/**
 * Node's timers fire at once for delays over 2^31-1 ms (24.8 days), and the local workflow
 * engine waits with setTimeout: a pledge due in two months would alert immediately. In the
 * local runtime process only, long delays are split into a chain of shorter timers.
 */
const MAX_DELAY = 2 ** 31 - 1;
const nativeSetTimeout = globalThis.setTimeout;
const nativeClearTimeout = globalThis.clearTimeout;

class LongTimer {
  current: ReturnType<typeof nativeSetTimeout> | undefined;
  ref() {
    this.current?.ref();
    return this;
  }
  unref() {
    this.current?.unref();
    return this;
  }
  hasRef() {
    return this.current?.hasRef() ?? false;
  }
}

let installed = false;

export function installLongTimers(): void {
  if (installed) return;
  installed = true;
  const longSetTimeout = (callback: (...args: unknown[]) => void, delay = 0, ...args: unknown[]) => {
    if (!(delay > MAX_DELAY)) return nativeSetTimeout(callback, delay, ...args);
    const timer = new LongTimer();
    const due = Date.now() + delay;
    const step = () => {
      const remaining = due - Date.now();
      timer.current =
        remaining > MAX_DELAY ? nativeSetTimeout(step, MAX_DELAY) : nativeSetTimeout(() => callback(...args), Math.max(0, remaining));
    };
    step();
    return timer;
  };
  const longClearTimeout = (timer: unknown) => {
    if (timer instanceof LongTimer) nativeClearTimeout(timer.current);
    else nativeClearTimeout(timer as Parameters<typeof nativeClearTimeout>[0]);
  };
  globalThis.setTimeout = longSetTimeout as typeof globalThis.setTimeout;
  globalThis.clearTimeout = longClearTimeout;
}

/**
 * Calls `onIdle` once no activity was reported for `timeoutMs`. Timers are injectable so tests
 * run it with fake timers; a timeout of 0 or less never fires (idle lock switched off).
 */

export interface IdleLock {
  /** Starts (or restarts) the countdown. */
  start(): void;
  /** Reports activity: the countdown starts again if it is running. */
  touch(): void;
  stop(): void;
  setTimeoutMs(ms: number): void;
  readonly running: boolean;
}

export interface IdleTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: IdleTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createIdleLock(timeoutMs: number, onIdle: () => void, timers: IdleTimers = realTimers): IdleLock {
  let handle: unknown;
  let running = false;
  let timeout = timeoutMs;

  const arm = () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
    if (!running || timeout <= 0) return;
    handle = timers.setTimeout(() => {
      handle = undefined;
      running = false;
      onIdle();
    }, timeout);
  };

  return {
    start() {
      running = true;
      arm();
    },
    touch() {
      if (running) arm();
    },
    stop() {
      running = false;
      arm();
    },
    setTimeoutMs(ms) {
      timeout = ms;
      arm();
    },
    get running() {
      return running;
    },
  };
}

/**
 * A throttle for reads that follow the chain (the storage usage line): during a burst of blocks
 * it reads at most once per interval, and always once more after the burst, so what is shown is
 * never older than one interval. Framework-free, so it is tested with fake timers.
 */
export interface Throttle {
  /** Runs now if the last run is at least an interval ago, else once at the end of the interval. */
  request(): void;
  /** Runs now, whatever the interval (the user asked, or the chain was replaced). */
  now(): void;
  /** Drops a scheduled run (the component unmounted). */
  cancel(): void;
}

export function createThrottle(run: () => void, intervalMs: number, clock: () => number = Date.now): Throttle {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = clock();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return; // a run is already due at the end of this interval
      const wait = last + intervalMs - clock();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    now: fire,
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

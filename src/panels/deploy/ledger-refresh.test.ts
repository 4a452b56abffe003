import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './ledger-refresh.js';

describe('createThrottle (the storage line during a burst of blocks)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reads once at the first block, at most once per interval during a burst, and once after it', () => {
    // given a throttle of 2 s
    const run = vi.fn();
    const throttle = createThrottle(run, 2000);
    // when 100 blocks arrive 30 ms apart (3 s)
    for (let i = 0; i < 100; i++) {
      throttle.request();
      vi.advanceTimersByTime(30);
    }
    // then it read at the first block and once at the end of the first interval only
    expect(run).toHaveBeenCalledTimes(2);
    // and once more for the blocks after that read, at the end of the second interval
    vi.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(3);
    // and nothing more while no block comes
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(3);
    // and a lone block after a quiet spell is read at once
    throttle.request();
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('reads at once when asked, replacing a scheduled read, and a cancel drops what was scheduled', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 2000);
    throttle.request();
    throttle.request(); // scheduled for t = 2 s
    throttle.now();
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2); // the scheduled one was replaced by the immediate read
    throttle.request(); // quiet for 5 s: runs now
    throttle.request(); // scheduled
    throttle.cancel();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(3);
  });
});

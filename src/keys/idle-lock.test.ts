import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleLock } from './idle-lock.js';

afterEach(() => vi.useRealTimers());

describe('idle lock', () => {
  it('fires once after the timeout without activity, and activity postpones it', () => {
    vi.useFakeTimers();
    // given a running 15-minute idle lock
    const onIdle = vi.fn();
    const lock = createIdleLock(15 * 60_000, onIdle);
    lock.start();
    // when the user is active after 10 minutes
    vi.advanceTimersByTime(10 * 60_000);
    lock.touch();
    vi.advanceTimersByTime(10 * 60_000);
    // then it has not fired 20 minutes after starting
    expect(onIdle).not.toHaveBeenCalled();
    // and it fires 15 minutes after the last activity, once
    vi.advanceTimersByTime(5 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(lock.running).toBe(false);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing when stopped, not started or switched off', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const lock = createIdleLock(1000, onIdle);
    lock.touch(); // not started: activity does not start it
    vi.advanceTimersByTime(5000);
    lock.start();
    lock.stop();
    vi.advanceTimersByTime(5000);
    lock.setTimeoutMs(0);
    lock.start();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('applies a new timeout to the running countdown', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const lock = createIdleLock(60_000, onIdle);
    lock.start();
    lock.setTimeoutMs(1000);
    vi.advanceTimersByTime(1000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

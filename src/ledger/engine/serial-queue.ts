/**
 * Runs async jobs one at a time, in call order. The VM's state is shared and a call simulation
 * opens checkpoints on it, so no two requests may interleave at an `await`.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(() => job());
    this.tail = result.catch(() => undefined);
    return result;
  }
}

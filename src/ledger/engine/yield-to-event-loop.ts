/**
 * A macrotask turn without setTimeout's clamping: browsers delay a setTimeout nested more than
 * five deep by >= 4 ms (that cost a verification of 10,000 blocks ~0.6 s). Awaited promises
 * alone never give one: I/O callbacks, a dynamic import or a WebAssembly compile finish only
 * on such turns.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

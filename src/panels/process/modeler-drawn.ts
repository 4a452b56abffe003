/**
 * A once-per-page signal: the modeler has drawn its first diagram, i.e. the IDE is interactive.
 * Heavy parts that are not needed to start working (Monaco) wait for it. Tiny on purpose: the
 * main chunk imports it.
 */
let markDrawn: () => void = () => {};
const drawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Called by the Process panel after its first import (good or not). */
export function markModelerDrawn(): void {
  markDrawn();
}

/**
 * Resolves once the modeler has drawn and the main thread is then idle, or after `fallbackMs`
 * whatever happens (no process to draw, a broken diagram, a browser without requestIdleCallback).
 */
export function afterInteractive(fallbackMs = 6000): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1500 });
      else setTimeout(resolve, 200);
    });
  const fallback = new Promise<void>((resolve) => setTimeout(resolve, fallbackMs));
  return Promise.race([drawn.then(idle), fallback]);
}

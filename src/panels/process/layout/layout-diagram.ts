/**
 * The layout a process without a diagram gets before it is shown (modeler and the app's instance
 * view): ours, which keeps pools, lanes and message flows (layout-bpmn.ts); bpmn-auto-layout only
 * if ours fails on a file, so something is still drawn. Both load on first use.
 */
/// <reference path="../../../types/bpmn-auto-layout.d.ts" />

export async function layoutDiagram(xml: string): Promise<string> {
  try {
    const { layoutBpmn } = await import('./layout-bpmn.js');
    return await layoutBpmn(xml);
  } catch (e) {
    console.warn('ChainFlow layout failed, falling back to bpmn-auto-layout:', e);
    const { layoutProcess } = await import('bpmn-auto-layout');
    return layoutProcess(xml);
  }
}

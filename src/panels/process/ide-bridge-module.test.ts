import { describe, expect, it } from 'vitest';
import { IdeBridge } from './ide-bridge-module.js';

type Listener = (event: object) => void;

function bridgeWithSelection() {
  const listeners = new Map<string, Listener>();
  const eventBus = { on: (event: string, listener: Listener) => void listeners.set(event, listener) };
  const reported: [string, string | undefined][] = [];
  const bridge = new IdeBridge(
    eventBus,
    { saveXML: async () => ({ xml: '' }) },
    { get: () => undefined },
    { select: () => {} },
    { scrollToElement: () => {} },
    { onXmlChange: () => {}, onSelectionChange: (doc, id) => void reported.push([doc, id]) },
  );
  const select = (...selection: { id: string; businessObject?: { id?: string } }[]) => listeners.get('selection.changed')!({ newSelection: selection });
  return { bridge, select, reported };
}

describe('ide bridge: the selection', () => {
  it('reports the one selected element of the document, a label as the element it labels', () => {
    const { bridge, select, reported } = bridgeWithSelection();
    // before a document is named, nothing is reported
    select({ id: 'Task_A', businessObject: { id: 'Task_A' } });
    expect(reported).toEqual([]);
    bridge.setDocument('订单');
    select({ id: 'Task_A', businessObject: { id: 'Task_A' } });
    select({ id: 'Flow_1_label', businessObject: { id: 'Flow_1' } });
    // several selected, or none: no one element
    select({ id: 'Task_A' }, { id: 'Task_B' });
    select();
    expect(reported).toEqual([
      ['订单', 'Task_A'],
      ['订单', 'Flow_1'],
      ['订单', undefined],
      ['订单', undefined],
    ]);
  });
});

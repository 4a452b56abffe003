import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createStudioStore } from './create-studio-store.js';
import { createTestServices, sampleWorkspace } from './test-services.js';

const orderXml = readFileSync(new URL('../../generators/samples/order-fulfilment/order-fulfilment.bpmn', import.meta.url), 'utf8');

async function openedStudio() {
  const t = await createTestServices();
  t.services.loadSample = async () => {
    const ws = structuredClone(sampleWorkspace);
    ws.processes = [{ id: 'order', name: 'Order', bpmn: orderXml }];
    return ws;
  };
  const studio = createStudioStore(t.services, { autosaveMs: 5, buildDebounceMs: 5 });
  await studio.actions.workspace.open();
  await vi.waitFor(() => expect(studio.store.getState().saveState).toBe('saved'));
  return { studio, state: () => studio.store.getState() };
}

describe('consortium slice: task roles from the permission matrix', () => {
  it('writes the task role into the process XML as a workspace edit that is saved', async () => {
    const { studio, state } = await openedStudio();
    // when "Ship goods" is given to Sales
    await expect(studio.actions.consortium.setTaskRole('order', 'Task_Ship', 'Sales')).resolves.toBe(true);
    // then the process XML carries it, and the edit is saved like any other
    expect(state().workspace!.processes[0].bpmn).toMatch(/id="Task_Ship"[^>]*cf:role="Sales"/);
    expect(state().saveState).toBe('pending');
    await vi.waitFor(() => expect(state().saveState).toBe('saved'));
  });

  it('leaves the workspace alone and says where when the element does not exist', async () => {
    const { studio, state } = await openedStudio();
    const before = state().workspace;
    await expect(studio.actions.consortium.setTaskRole('order', 'Task_Nope', 'Sales')).resolves.toBe(false);
    expect(state().roleEditError).toBe('Order: no element "Task_Nope"');
    expect(state().workspace).toBe(before);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateWorkspace, type Workspace } from '../../generators/index.js';
import { processFileName } from '../../generators/generate-workspace.js';
import { createStudioStore } from './create-studio-store.js';
import { addProcess, declaredProcessIds, removeProcess, renameProcess, setRegulatedProcesses } from './process-edits.js';
import { processFile, selectActiveProcessId, selectProblemRows } from './selectors.js';
import { createTestServices, sampleWorkspace as ws } from './test-services.js';

describe('process edits', () => {
  it('adds a blank process with a derived id and a BPMN process id no other document declares', () => {
    // given the sample workspace, whose processes already declare BPMN process ids
    const taken = ws.processes.flatMap((p) => declaredProcessIds(p.bpmn));
    // when two processes are added, one with a Chinese name
    const first = addProcess(ws, '  退货处理 ');
    const second = addProcess(first.workspace, 'Returns handling');
    // then they get readable, unique ids and trimmed names
    expect(first.id).toBe('process-1');
    expect(second.id).toBe('returns-handling');
    const added = second.workspace.processes.slice(-2);
    expect(added.map((p) => p.name)).toEqual(['退货处理', 'Returns handling']);
    const ids = added.flatMap((p) => declaredProcessIds(p.bpmn));
    expect(ids).toHaveLength(2);
    expect(new Set([...taken, ...ids]).size).toBe(taken.length + 2);
  });

  it('numbers the BPMN process id past one already declared', () => {
    const { workspace } = addProcess({ ...ws, processes: [{ id: 'a', name: 'A', bpmn: '<bpmn:process id="Process_2" />' }] }, 'B');
    expect(declaredProcessIds(workspace.processes[1].bpmn)).toEqual(['Process_3']);
  });

  it('names process files as the generator does', () => {
    for (const [doc, i] of [[{ id: 'a', name: '退货处理' }, 1], [{ id: 'b', name: '' }, 0]] as const) expect(processFile(doc, i)).toBe(processFileName(doc, i));
  });

  it('renames the BPMN process too when it has a name of its own, escaped, and only its opening tag', () => {
    const bpmn = '<bpmn:definitions><bpmn:process id="P" name="Order" isExecutable="true"><bpmn:task id="T" name="Order" /></bpmn:process></bpmn:definitions>';
    const named = { ...ws, processes: [{ id: 'p', name: 'Order', bpmn }] };
    expect(renameProcess(named, 'p', '订单 "A" & B').processes[0].bpmn).toBe(
      '<bpmn:definitions><bpmn:process id="P" name="订单 &quot;A&quot; &amp; B" isExecutable="true"><bpmn:task id="T" name="Order" /></bpmn:process></bpmn:definitions>',
    );
    const unnamed = { ...ws, processes: [{ id: 'p', name: 'Order', bpmn: bpmn.replace(' name="Order" isExecutable', ' isExecutable') }] };
    expect(renameProcess(unnamed, 'p', 'X').processes[0].bpmn).toBe(unnamed.processes[0].bpmn);
  });

  it('ignores a blank name, and a blank or unchanged rename', () => {
    expect(addProcess(ws, '   ')).toEqual({ workspace: ws });
    const id = ws.processes[0].id;
    expect(renameProcess(ws, id, ' ')).toBe(ws);
    expect(renameProcess(ws, id, ws.processes[0].name)).toBe(ws);
    expect(renameProcess(ws, id, ' 订单履行 ').processes[0].name).toBe('订单履行');
    expect(removeProcess(ws, 'no-such')).toBe(ws);
  });

  it('gives a process the generator reads: the blank one is reported as incomplete, in its own file, and the others still build', async () => {
    // given the real sample and a new blank process named in Chinese
    const sample = JSON.parse(readFileSync('generators/samples/order-fulfilment/workspace.json', 'utf8')) as Workspace;
    const { workspace } = addProcess(sample, '退货处理');
    // when generated
    const out = await generateWorkspace(workspace);
    // then the new process's problems name its file, none says its id is taken, and the sample still generates
    const file = `processes[${workspace.processes.length - 1}] 退货处理.bpmn`;
    const own = out.problems.filter((p) => p.file === file);
    expect(own.length).toBeGreaterThan(0);
    expect(out.problems.some((p) => /also used by/.test(p.message))).toBe(false);
    expect(out.processes.map((p) => p.ir.documentId)).toEqual(sample.processes.map((p) => p.id));
    expect(out.sources.map((s) => s.file)).toContain(out.processes[0].file);
  });
});

describe('process actions in the store', () => {
  it('adds, renames and removes a process as undoable, saved edits, and shows the right process', async () => {
    // given an opened sample workspace
    const { services, repo } = await createTestServices();
    const studio = createStudioStore(services, { autosaveMs: 5, buildDebounceMs: 5, history: { coalesceMs: 0 } });
    await studio.actions.workspace.open();
    const state = () => studio.store.getState();
    const saved = async () => JSON.parse((await repo.get(state().workspaceId!))!.json);
    // when a process is added
    const id = studio.actions.workspace.addProcess('退货处理')!;
    // then it is in front and saved
    expect(selectActiveProcessId(state())).toBe(id);
    await vi.waitFor(async () => expect((await saved()).processes.map((p: { id: string }) => p.id)).toContain(id));
    // when renamed, then undone twice
    studio.actions.workspace.renameProcess(id, '退货');
    expect(state().workspace!.processes.at(-1)!.name).toBe('退货');
    studio.actions.history.undo();
    expect(state().workspace!.processes.at(-1)!.name).toBe('退货处理');
    studio.actions.history.undo();
    // then the process is gone and the first one is in front again
    expect(state().workspace!.processes.some((p) => p.id === id)).toBe(false);
    expect(selectActiveProcessId(state())).toBe(ws.processes[0].id);
    // when redone and removed
    studio.actions.history.redo();
    studio.actions.ui.setActiveProcess(id);
    studio.actions.workspace.removeProcess(id);
    expect(state().workspace!.processes.some((p) => p.id === id)).toBe(false);
    expect(selectActiveProcessId(state())).toBe(ws.processes.at(-1)!.id);
    await vi.waitFor(async () => expect((await saved()).processes).toHaveLength(ws.processes.length));
    studio.dispose();
  });

  it("lists the modeler's problems of a process under its current file name, and none once it is removed", async () => {
    // given a new process with a lint problem reported under the file name it had then
    const { services } = await createTestServices();
    const studio = createStudioStore(services, { autosaveMs: 5, buildDebounceMs: 5 });
    await studio.actions.workspace.open();
    const id = studio.actions.workspace.addProcess('Returns')!;
    const index = studio.store.getState().workspace!.processes.length - 1;
    studio.actions.designer.setLintProblems(id, [{ severity: 'error', message: 'Process is missing end event (end-event-required)', file: `processes[${index}] Returns.bpmn`, elementId: 'Process_9' }]);
    const lintRows = () => selectProblemRows(studio.store.getState()).filter((r) => r.source === 'lint');
    // when renamed, then its row follows the new name
    studio.actions.workspace.renameProcess(id, '退货处理');
    expect(lintRows().map((r) => r.file)).toEqual([`processes[${index}] 退货处理.bpmn`]);
    // when removed, then its rows go with it
    studio.actions.workspace.removeProcess(id);
    expect(lintRows()).toEqual([]);
    studio.dispose();
  });
});

describe('regulated processes', () => {
  const two = addProcess(ws, 'Returns').workspace;
  // the edit does not check roles: the inspector offers it to regulators only
  const regulator = ws.participants[1];

  it('links a regulator to processes in workspace order, ignoring unknown ids, and unlinks with undefined', () => {
    const linked = setRegulatedProcesses(two, regulator.id, ['returns', 'gone', ws.processes[0].id]);
    expect(linked.participants.find((p) => p.id === regulator.id)!.regulates).toEqual([ws.processes[0].id, 'returns']);
    const unlinked = setRegulatedProcesses(linked, regulator.id, undefined);
    expect('regulates' in unlinked.participants.find((p) => p.id === regulator.id)!).toBe(false);
  });

  it('drops the link to a removed process, and keeps an emptied list (regulates none, not every process)', () => {
    const linked = setRegulatedProcesses(two, regulator.id, ['returns']);
    const removed = removeProcess(linked, 'returns');
    expect(removed.participants.find((p) => p.id === regulator.id)!.regulates).toEqual([]);
    expect(removed.participants.filter((p) => p.id !== regulator.id)).toEqual(linked.participants.filter((p) => p.id !== regulator.id));
  });
});

/**
 * What the app reads about scopes and multi-instance tasks: tasks inside a subprocess stay ordinary
 * work items that name their subprocess; the subprocess, its error boundary and its timer are listed;
 * the ErrorCaught event is in the ABI; a multi-instance task says how many instances and where to read how many are done.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { assembleManifest } from './assemble-manifest.js';
import type { AppManifest } from './app-manifest.js';

let manifest: AppManifest;
beforeAll(async () => {
  const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/credit-check/workspace.json', import.meta.url), 'utf8'))).workspace!;
  const generated = await generateWorkspace(workspace);
  const out = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!out.manifest) throw new Error(out.problems.map((p) => p.message).join('\n'));
  manifest = out.manifest;
}, 60_000);

describe('the manifest of subprocesses', () => {
  it('lists the tasks inside the subprocess as work items naming it, and the others without', () => {
    const tasks = manifest.processes[0].tasks.map((t) => [t.name, t.subprocessId, t.functionName]);
    expect(tasks).toEqual([
      ['Review financials', 'Sub_CreditCheck', 'reviewFinancials'],
      ['Confirm limit', 'Sub_CreditCheck', 'confirmLimit'],
      ['Approve financing', undefined, 'approveFinancing'],
      ['Disburse funds', undefined, 'disburseFunds'],
      ['Escalate', undefined, 'escalate'],
      ['Acknowledge rejection', undefined, 'acknowledgeRejection'],
      ['Application withdrawn', undefined, 'applicationWithdrawn'],
    ]);
  });

  it('names the subprocess a message boundary is attached to, and whether it interrupts', () => {
    const withdraw = manifest.processes[0].tasks.find((t) => t.elementId === 'Message_Withdraw')!;
    expect(withdraw).toMatchObject({ kind: 'message', role: 'Supplier', attachedToSubprocessId: 'Sub_CreditCheck', interrupting: true });
    expect(withdraw.attachedToTaskId).toBeUndefined();
  });

  it('lists the subprocess, its error boundary and its timer, and the ErrorCaught event', () => {
    const p = manifest.processes[0];
    expect(p.subprocesses).toEqual([{ elementId: 'Sub_CreditCheck', name: '信用审查 Credit check', bit: 8 }]);
    expect(p.errorBoundaries).toEqual([{ index: 0, elementId: 'Error_CreditRejected', name: 'Credit rejected', subprocessId: 'Sub_CreditCheck', errorCode: 'CREDIT_REJECTED' }]);
    expect(p.timers).toEqual([expect.objectContaining({ elementId: 'Timer_CheckDeadline', attachedToSubprocessId: 'Sub_CreditCheck', interrupting: true, seconds: 5 * 86_400 })]);
    expect(p.abi).toContainEqual(expect.objectContaining({ type: 'event', name: 'ErrorCaught' }));
  });

  it('describes the multi-instance task, with the getter that says how many instances are done', () => {
    const approve = manifest.processes[0].tasks.find((t) => t.name === 'Approve financing')!;
    expect(approve.multiInstance).toEqual({ index: 0, sequential: false, cardinality: 3, completionCondition: 'nrOfCompletedInstances >= 2', countFunction: 'completedInstances' });
    expect(manifest.processes[0].tasks.filter((t) => t.multiInstance)).toHaveLength(1);
    expect(manifest.processes[0].abi).toContainEqual(expect.objectContaining({ type: 'function', name: 'completedInstances', stateMutability: 'view' }));
  });
});

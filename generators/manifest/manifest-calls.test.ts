/**
 * What the app reads about call activities (the purchase-approval sample): the call activity is a
 * scope naming the process it calls; the called process's tasks are work items of the caller inside
 * it, under their own roles; the called process is a process of the manifest too.
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
  const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/purchase-approval/workspace.json', import.meta.url), 'utf8'))).workspace!;
  const generated = await generateWorkspace(workspace);
  const out = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!out.manifest) throw new Error(out.problems.map((p) => p.message).join('\n'));
  manifest = out.manifest;
}, 60_000);

describe('the manifest of call activities', () => {
  it('lists the call activity as a scope naming the called process, and the called tasks inside it', () => {
    const [order, approval] = manifest.processes;
    expect(order.subprocesses).toEqual([{ elementId: 'Call_Approval', name: '审批 Approval', bit: 6, calledProcess: { id: 'approval', processId: 'Approval', name: '审批 Approval' } }]);
    expect(order.tasks.filter((t) => t.subprocessId === 'Call_Approval').map((t) => [t.elementId, t.name, t.role, t.functionName])).toEqual([
      ['Call_Approval/Task_Review', '审核 Review', 'Approver', 'shenHeReview'],
      ['Call_Approval/Task_SignOff', 'Sign off', 'Approver', 'signOff'],
    ]);
    expect(order.errorBoundaries).toEqual([expect.objectContaining({ elementId: 'Error_ApprovalRejected', subprocessId: 'Call_Approval', errorCode: 'REJECTED' })]);
    // the called process is deployable on its own, with its own tasks
    expect(approval.id).toBe('approval');
    expect(approval.subprocesses).toBeUndefined();
    expect(approval.tasks.map((t) => t.elementId)).toEqual(['Task_Review', 'Task_SignOff']);
  });
});

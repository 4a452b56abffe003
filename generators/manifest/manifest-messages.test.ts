/**
 * What the app reads about messages (maintenance-order sample): receive tasks and message catch or
 * boundary events are tasks of the SENDING role (so the app lists them as the sender's work items),
 * a service task names its request event, and message senders are listed with their payload.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';
import { assembleManifest } from './assemble-manifest.js';
import type { ProcessManifest } from './app-manifest.js';

let p: ProcessManifest;
beforeAll(async () => {
  const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/maintenance-order/workspace.json', import.meta.url), 'utf8'))).workspace!;
  const generated = await generateWorkspace(workspace);
  const { manifest, problems } = assembleManifest(workspace, generated, await compileSolidity(generated.sources));
  if (!manifest) throw new Error(problems.map((x) => x.message).join('\n'));
  p = manifest.processes[0];
}, 60_000);

const byId = (id: string) => p.tasks.find((t) => t.elementId === id)!;

describe('the manifest of messages', () => {
  it('makes catching elements work items of their sender role, with the payload as the form', () => {
    expect(byId('Receive_Part')).toMatchObject({ kind: 'receive', role: 'Supplier', functionName: 'receiveSparePart', fields: [expect.objectContaining({ name: 'deliveryNote', required: true })] });
    expect(byId('Boundary_Stop')).toMatchObject({ kind: 'message', role: 'Planner', attachedToTaskId: 'Task_Repair', interrupting: true });
    expect(p.start.roles).toEqual(['Device']);
    // a user task's entry has none of the message keys
    expect(Object.keys(byId('Task_Repair'))).not.toContain('kind');
  });

  it('names the service request event and its fields, present in the ABI', () => {
    expect(byId('Service_Diagnose')).toMatchObject({ kind: 'service', role: 'Device', requestEventName: 'RunDiagnosticsRequested', requestFields: [expect.objectContaining({ name: 'machineId' }), expect.objectContaining({ name: 'vibration' })] });
    expect(p.abi).toContainEqual(expect.objectContaining({ type: 'event', name: 'RunDiagnosticsRequested' }));
  });

  it('lists the message senders with the payload their Sent event carries', () => {
    expect(p.scripts?.map((x) => [x.elementId, x.eventName, x.fields.map((f) => f.name), x.sends])).toEqual([
      ['Send_OrderPart', 'OrderSparePartSent', ['machineId', 'faultCode'], true],
      ['Throw_Report', 'ReportRepairSent', ['machineId', 'repairReport'], true],
      ['End_CancelPart', 'PartOrderCancelledSent', ['machineId'], true],
    ]);
  });
});

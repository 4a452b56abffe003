import { strToU8, unzipSync, strFromU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportProcessBpmn, exportWorkspaceJson, exportWorkspaceZip, safeFileName } from './export-workspace.js';
import { readImport } from './import-workspace.js';
import type { SavedDeployment, WorkspaceRecord } from './studio-db.js';

const workspace = {
  schemaVersion: 1,
  name: '订单履行 Order',
  organizations: [{ id: 'm', name: '制造商' }],
  roles: [{ id: 'Buyer', name: '采购' }],
  participants: [{ id: 'wang', name: '王芳', kind: 'person', organization: 'm', roles: ['Buyer'] }],
  processes: [
    { id: 'order', name: '订单/发货', bpmn: '<definitions id="order"/>' },
    { id: 'pay', name: '付款', bpmn: '<definitions id="pay"/>' },
  ],
};

const deployment = {
  record: { network: 'bundled', chainId: 1337, registry: { address: '0x00000000000000000000000000000000000000aa', txHash: '0x1', blockNumber: 1 }, processes: {}, sourceHash: 'h', deployedAt: 'x', deployer: '0x1' },
  manifest: { manifestVersion: 1, workspaceName: 'x', processes: [] },
} as unknown as SavedDeployment;

function record(extra: Partial<WorkspaceRecord> = {}): WorkspaceRecord {
  return { id: 'w1', name: workspace.name, json: JSON.stringify(workspace, null, 2), createdAt: 1, updatedAt: 2, ...extra };
}

describe('exports', () => {
  it('keeps Chinese in file names and replaces what file systems refuse', () => {
    expect(safeFileName('订单/发货: 第1版?')).toBe('订单_发货_ 第1版_');
    expect(safeFileName('   ')).toBe('workspace');
    expect(exportWorkspaceJson(record()).name).toBe('订单履行 Order.json');
    expect(exportProcessBpmn(workspace.processes[1]).name).toBe('付款.bpmn');
  });

  it('zips the workspace, each process and the deployments with an index', () => {
    // given a record deployed on the bundled ledger and stopped half-way on a network
    const zip = exportWorkspaceZip(record({ deployment, partialDeployments: { besu: deployment }, networkId: 'besu' }));
    // when it is unpacked
    const files = unzipSync(zip.bytes);
    // then every part is there under a readable name
    expect(zip.name).toBe('订单履行 Order.zip');
    expect(Object.keys(files).sort()).toEqual([
      'chainflow-archive.json',
      'deployments/bundled.json',
      'deployments/besu.partial.json',
      'processes/付款.bpmn',
      'processes/订单_发货.bpmn',
      'workspace.json',
    ].sort());
    expect(strFromU8(files['processes/付款.bpmn'])).toBe('<definitions id="pay"/>');
    expect(JSON.parse(strFromU8(files['deployments/bundled.json']))).toEqual(deployment);
  });
});

describe('readImport', () => {
  it('reads back a zip export: workspace, deployments and the network in use', () => {
    const zip = exportWorkspaceZip(record({ deployment, deployments: { besu: deployment }, networkId: 'besu' }));
    const result = readImport(zip.name, zip.bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workspace).toEqual(workspace);
    expect(result.extras).toEqual({ deployment, deployments: { besu: deployment }, networkId: 'besu' });
  });

  it('takes a .bpmn edited inside the archive over the XML in workspace.json', () => {
    // given an export whose process file was edited in another modeler
    const files = unzipSync(exportWorkspaceZip(record()).bytes);
    files['processes/付款.bpmn'] = strToU8('<definitions id="pay-edited"/>');
    // when it is imported
    const result = readImport('x.zip', zipSync(files));
    // then the edited file is the process
    expect(result.ok && result.workspace.processes.find((p) => p.id === 'pay')?.bpmn).toBe('<definitions id="pay-edited"/>');
  });

  it('keeps an imported .json byte for byte', () => {
    const text = JSON.stringify(workspace);
    const result = readImport('订单.json', strToU8(`\uFEFF${text}`));
    expect(result.ok && result.json).toBe(text);
  });

  it('locates an invalid workspace in a zip by file and JSON path', () => {
    const files = unzipSync(exportWorkspaceZip(record()).bytes);
    files['workspace.json'] = strToU8(JSON.stringify({ ...workspace, participants: [{ ...workspace.participants[0], roles: ['Nobody'] }] }));
    const result = readImport('备份.zip', zipSync(files));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: '备份.zip/workspace.json', path: 'participants[0].roles[0]', severity: 'error' }),
    );
  });

  it('locates broken JSON, a missing file and a broken deployment', () => {
    expect(readImport('w.json', strToU8('{"name": ')).problems[0]).toMatchObject({ file: 'w.json', path: '$', message: expect.stringMatching(/not valid JSON/) });

    const files = unzipSync(exportWorkspaceZip(record({ deployment })).bytes);
    delete files['processes/付款.bpmn'];
    files['deployments/bundled.json'] = strToU8('{"record": {}, "manifest": {}}');
    const problems = readImport('a.zip', zipSync(files)).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'a.zip/chainflow-archive.json', path: 'processes[1].file', message: '"processes/付款.bpmn" is not in the archive' }));

    const files2 = unzipSync(exportWorkspaceZip(record({ deployment })).bytes);
    files2['deployments/bundled.json'] = strToU8('{"record": {}, "manifest": {}}');
    const problems2 = readImport('a.zip', zipSync(files2)).problems;
    expect(problems2.map((p) => `${p.file} ${p.path}`)).toEqual([
      'a.zip/deployments/bundled.json record.network',
      'a.zip/deployments/bundled.json record.registry.address',
      'a.zip/deployments/bundled.json manifest',
    ]);
  });

  it('refuses what is not a workspace file', () => {
    expect(readImport('a.zip', strToU8('not a zip')).problems[0]).toMatchObject({ file: 'a.zip', message: expect.stringMatching(/not a readable \.zip/) });
    expect(readImport('a.zip', zipSync({ 'readme.txt': strToU8('hi') })).problems[0].message).toMatch(/no workspace\.json/);
    expect(readImport('a.bpmn', strToU8('<x/>')).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { AppManifest, DeploymentRecord } from '../../../generators/index.js';
import type { HistoryEntry } from '../../chain/chain-api.js';
import { auditCsv, auditJson, auditRows, csvField, neutralizeFormula } from './audit-package.js';
import { currentData, describeSteps } from './describe-steps.js';

const BUYER = '0x00000000000000000000000000000000000000b1';
const SALES = '0x00000000000000000000000000000000000000c2';

const manifest = {
  workspaceName: '订单履行',
  organizations: [{ id: 'm', name: '制造商 Manufacturer', index: 0 }, { id: 's', name: 'Supplier, Ltd', index: 1 }],
  participants: [
    { id: 'wang', name: '王芳 Wang Fang', kind: 'person', organization: 'm', roles: ['Buyer'], address: BUYER },
    { id: 'zhang', name: '张伟 "Zhang" Wei', kind: 'person', organization: 's', roles: ['Sales'], address: SALES },
  ],
  processes: [
    {
      id: 'order',
      name: '订单, order',
      start: { elementId: 'Start', name: 'Order placed', fields: [{ name: 'item', identifier: 'item', type: 'string', required: true, label: '物品 Item' }] },
      tasks: [
        {
          elementId: 'Task_Confirm',
          name: 'Confirm order',
          fields: [{ name: 'price', identifier: 'price', type: 'uint', required: true, label: 'Unit price' }],
          choice: { gatewayElementId: 'G', options: [{ index: 0, flowId: 'F_Accept', name: 'Accept' }, { index: 1, flowId: 'F_Reject', name: 'Reject' }] },
        },
      ],
    },
  ],
} as unknown as AppManifest;

const history: HistoryEntry[] = [
  { kind: 'started', elementId: 'Start', name: 'Order placed', by: BUYER, blockNumber: 7, txHash: '0xaa', data: { item: '齿轮, "gear"\nhousing' } },
  { kind: 'completed', elementId: 'Task_Confirm', name: 'Confirm order', by: SALES, blockNumber: 9, txHash: '0xbb', data: { price: '45000', choice: '0' } },
];

const deployment = {
  network: 'bundled',
  chainId: 1337,
  registry: { address: '0xregistry', txHash: '0x1', blockNumber: 1 },
  processes: { order: { address: '0xorder', txHash: '0x2', blockNumber: 2 } },
} as unknown as DeploymentRecord;

describe('describeSteps and the audit package', () => {
  // given the history of one instance and the times of its blocks
  const steps = describeSteps(manifest, manifest.processes[0], history, { 7: 1_700_000_000 });
  const rows = auditRows(manifest, [{ processId: 'order', instanceId: 3n, steps }]);

  it('names who did each step, with organization, labels and the chosen flow', () => {
    expect(steps[0].by).toEqual({ address: BUYER, name: '王芳 Wang Fang', organization: '制造商 Manufacturer' });
    expect(steps[0].values).toEqual([{ field: 'item', label: '物品 Item', raw: '齿轮, "gear"\nhousing', type: 'string' }]);
    expect(steps[1].chosenFlow).toBe('Accept');
    expect(steps[1].values.map((v) => v.field)).toEqual(['price']);
    expect(currentData(steps).map((v) => [v.field, v.raw, v.blockNumber])).toEqual([
      ['item', '齿轮, "gear"\nhousing', 7],
      ['price', '45000', 9],
    ]);
  });

  it('has one row per history entry with its block, transaction and time', () => {
    expect(rows.map((r) => [r.instanceId, r.task, r.participant, r.blockNumber, r.txHash])).toEqual([
      ['3', 'Order placed', '王芳 Wang Fang', 7, '0xaa'],
      ['3', 'Confirm order', '张伟 "Zhang" Wei', 9, '0xbb'],
    ]);
    expect(rows[0].timestamp).toBe('2023-11-14T22:13:20.000Z');
    expect(rows[1].timestamp).toBe(''); // block 9's time is unknown
    expect(rows[1].data).toEqual({ 'Unit price': '45000', '→': 'Accept' });
  });

  it('escapes commas, quotes, line breaks and keeps Chinese text in the CSV', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField('王芳')).toBe('王芳');
    const csv = auditCsv(rows);
    expect(csv.startsWith('\uFEFFprocess,instance,step,')).toBe(true);
    expect(csv).toContain('"订单, order",3,started,Order placed,Start,王芳 Wang Fang,制造商 Manufacturer,');
    expect(csv).toContain(',"张伟 ""Zhang"" Wei","Supplier, Ltd",');
    // four CRLF line ends: header, two rows, the final one; the data's own \n stays inside quotes
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(parseCsv(csv.slice(1))[1][11]).toBe(JSON.stringify({ '物品 Item': '齿轮, "gear"\nhousing' }));
  });

  it('guards every cell that a spreadsheet would run as a formula', () => {
    // given the dangerous first characters, and the same characters elsewhere in a value
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(neutralizeFormula('a=1')).toBe('a=1');
    expect(neutralizeFormula('王芳')).toBe('王芳');
    expect(neutralizeFormula(12)).toBe('12');
    // when a participant, an organization and a task carry formulas
    const evil = auditRows(
      {
        ...manifest,
        participants: [{ ...manifest.participants[0], name: '=HYPERLINK("http://x.example","点我")' }],
        organizations: [{ id: 'm', name: '@SUM(1,2)', index: 0 }],
      },
      [{ processId: 'order', instanceId: 3n, steps: [{ ...steps[0], name: '+cmd|calc', by: { address: BUYER, name: '=HYPERLINK("http://x.example","点我")', organization: '@SUM(1,2)' } }] }],
    );
    const line = auditCsv(evil).split('\r\n')[1];
    // then each is text in the CSV, quoted where it holds a comma or quote, and the JSON rows stay as on the chain
    expect(line).toContain(`,'+cmd|calc,`);
    expect(line).toContain(`,"'=HYPERLINK(""http://x.example"",""点我"")","'@SUM(1,2)",`);
    expect(parseCsv(auditCsv(evil).slice(1))[1][5]).toBe(`'=HYPERLINK("http://x.example","点我")`);
    expect(evil[0].participant).toBe('=HYPERLINK("http://x.example","点我")');
  });

  it('writes the chain, the contracts and the integrity result into the JSON', () => {
    const doc = JSON.parse(auditJson(manifest, deployment, rows, { integrity: 'not available' }, new Date(0)));
    expect(doc).toMatchObject({
      format: 'chainflow-audit/2',
      chainId: 1337,
      registry: '0xregistry',
      processes: [{ id: 'order', name: '订单, order', address: '0xorder' }],
      integrity: { integrity: 'not available' },
    });
    expect(doc.steps).toEqual(rows);
  });
});

/** A small RFC 4180 reader, to check the CSV reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') rows[rows.length - 1].push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([]), i++;
    else field += c;
  }
  return rows;
}

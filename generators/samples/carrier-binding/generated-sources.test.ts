/**
 * The role-binding sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace, type GenerateOutput } from '../../generate-workspace.js';
import { loadWorkspace } from '../../model/load-workspace.js';
import { compileSolidity } from '../../compile/solc-node.js';

let generated: GenerateOutput;

beforeAll(async () => {
  const loaded = loadWorkspace(JSON.parse(readFileSync(new URL('./workspace.json', import.meta.url), 'utf8')));
  generated = await generateWorkspace(loaded.workspace!);
});

describe('the carrier-binding sample', () => {
  it('generates without problems: nominee parameters, the boundTo getter, the bound caller check on the carrier tasks only', () => {
    expect(generated.problems).toEqual([]);
    const source = generated.sources[1].content;
    expect(source).toContain('mapping(uint256 instanceId => address[2]) public boundTo;');
    expect(source).toContain('function planShipment(uint256 instanceId, address carrier) external {');
    // the manufacturer's and the two carrier tasks check the binding; the buyer's task does not
    expect(source.match(/address bound = boundTo\[instanceId\]\[1\];/g)).toHaveLength(2);
    expect(source.match(/address bound = boundTo\[instanceId\]\[0\];/g)).toHaveLength(1);
    expect(generated.processes[0].ir.bindings).toEqual([
      { role: 'Manufacturer', elementId: 'Start_OrderPlaced', field: 1, rebind: 'once' },
      { role: 'Carrier', elementId: 'Task_Plan', task: 0, field: 2, rebind: 'sameTask' },
    ]);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(generated.sources[1].content).toMatchFileSnapshot('./__snapshots__/ChosenCarrierShipment.sol');
  });

  it('is already formatted: prettier-plugin-solidity changes nothing', async () => {
    const source = generated.sources[1];
    const formatted = await prettier.format(source.content, { filepath: source.file, plugins: ['prettier-plugin-solidity'] });
    expect(source.content.split('\n')).toEqual(formatted.split('\n'));
  }, 30_000);

  it('compiles with solc without any warning', async () => {
    const compiled = await compileSolidity(generated.sources);
    expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.formatted)).toEqual([]);
    expect(compiled.ok).toBe(true);
  }, 30_000);
});

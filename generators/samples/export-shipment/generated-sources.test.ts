/**
 * The inclusive-gateway sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
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

describe('the export-shipment sample', () => {
  it('generates without problems: a split routing every branch that holds, a join settled after each step that may free it', () => {
    expect(generated.problems).toEqual([]);
    const source = generated.sources[1].content;
    // packing arrives at the join and settles it in the same step
    expect(source).toContain('m = _routeReadyToShip((m & ~TASK_PACK_GOODS) | JOIN_READY_TO_SHIP_IN3);');
    // a refusal by customs takes a token away the join may wait for: clearing customs settles too
    expect(source).toContain('m = _routeReadyToShip(_routeCleared(m & ~TASK_CLEAR_CUSTOMS));');
    // shipping comes after the join: nothing to settle
    expect(source).toMatch(/function ship\(uint256 instanceId\) external \{[^}]*\}[^}]*\}[^}]*m = m & ~TASK_SHIP;/);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(generated.sources[1].content).toMatchFileSnapshot('./__snapshots__/ExportShipment.sol');
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

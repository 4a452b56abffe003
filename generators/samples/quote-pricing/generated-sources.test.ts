/**
 * The script-task sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
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

describe('the quote-pricing sample', () => {
  it('generates without problems: the script runs inside the pricing step, no function of its own', () => {
    expect(generated.problems).toEqual([]);
    const source = generated.sources[1].content;
    expect(source).toContain('m = _runComputeTotal(instanceId, m & ~TASK_ENTER_UNIT_PRICE);');
    expect(source).not.toMatch(/function computeTotal\(/);
    // total is stored (a condition reads it); discounted is a bool packed into the state word
    expect(source).toContain('d.total = total;');
    expect(source).toContain('m |= FIELD_DISCOUNTED;');
    const ir = generated.processes[0].ir;
    expect(ir.scripts.map((x) => [x.name, x.assignments.map((a) => `${ir.fields[a.field].name} := ${a.text}`)])).toEqual([
      ['Compute total', ['total := quantity * (unitPrice - rebate)', 'discounted := rebate > 0']],
    ]);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(generated.sources[1].content).toMatchFileSnapshot('./__snapshots__/QuotePricing.sol');
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

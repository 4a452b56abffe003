/**
 * The sample's generated Solidity, three ways: a reviewable snapshot of every file, prettier
 * (with prettier-plugin-solidity) leaving every file unchanged, and solc compiling them with no
 * warning. Run `npx vitest run -u` after an intended change of the generator and review the diff.
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

describe('the order-fulfilment sample', () => {
  it('generates the registry and the process contract without problems', () => {
    expect(generated.problems).toEqual([]);
    expect(generated.sources.map((s) => s.file)).toEqual(['ConsortiumRegistry.sol', 'OrderFulfilment.sol']);
  });

  it('matches the reviewed snapshots', async () => {
    for (const source of generated.sources) await expect(source.content).toMatchFileSnapshot(`./__snapshots__/${source.file}`);
  });

  it('is already formatted: prettier-plugin-solidity changes nothing', async () => {
    for (const source of generated.sources) {
      const formatted = await prettier.format(source.content, { filepath: source.file, plugins: ['prettier-plugin-solidity'] });
      // compared line by line so a failure shows where the printer and prettier disagree
      expect(source.content.split('\n'), source.file).toEqual(formatted.split('\n'));
    }
  }, 30_000);

  it('compiles with solc without any warning', async () => {
    const compiled = await compileSolidity(generated.sources);
    expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.formatted)).toEqual([]);
    expect(compiled.ok).toBe(true);
    expect(Object.keys(compiled.contracts['OrderFulfilment.sol'])).toEqual(['OrderFulfilment']);
  }, 30_000);

  it('maps every BPMN task and the start event to the lines of its function', () => {
    // given the process source and its element line ranges
    const source = generated.sources[1].content.split('\n');
    const ranges = generated.elementLines['OrderFulfilment.sol'];
    const ir = generated.processes[0].ir;
    // then each task's range holds its function, ends with the closing brace, and nothing overlaps
    for (const task of ir.tasks) {
      const range = ranges.find((r) => r.elementId === task.elementId)!;
      const lines = source.slice(range.startLine - 1, range.endLine);
      expect(lines.some((l) => l.startsWith(`    function ${task.identifier}(`)), task.elementId).toBe(true);
      expect(lines.at(-1)).toBe('    }');
    }
    expect(source.slice(ranges.find((r) => r.elementId === 'Start_OrderPlaced')!.startLine - 1).find((l) => l.includes('function '))).toContain('function startInstance(');
    const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine);
    sorted.slice(1).forEach((r, k) => expect(r.startLine).toBeGreaterThan(sorted[k].endLine));
  });
});

/**
 * The checks every sample's generated Solidity passes, as one test suite: it generates without
 * problems (plus the sample's own expectations), matches its reviewed snapshot, is already laid out
 * as prettier-plugin-solidity would, and compiles with solc without a warning. Run `npx vitest run -u`
 * after an intended change to update a snapshot. Test-only: imported by the samples' *.test.ts.
 */
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace, type GenerateOutput } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { compileSolidity } from '../compile/solc-node.js';

export interface SampleChecks {
  /** The sample's workspace.json (a URL relative to the test file). */
  workspace: URL;
  /** The reviewed snapshot of the process contract, relative to the test file. */
  snapshot: string;
  /** What this sample's process contract must contain, said in the test's name. */
  expectations: { title: string; check: (source: string, generated: GenerateOutput) => void };
}

export function checkGeneratedSample(name: string, checks: SampleChecks): void {
  let generated: GenerateOutput;
  // sources[0] is the registry; the sample's process contract comes next
  const process = () => generated.sources[1];

  beforeAll(async () => {
    const loaded = loadWorkspace(JSON.parse(readFileSync(checks.workspace, 'utf8')));
    generated = await generateWorkspace(loaded.workspace!);
  });

  describe(`the ${name} sample`, () => {
    it(`generates without problems: ${checks.expectations.title}`, () => {
      expect(generated.problems).toEqual([]);
      checks.expectations.check(process().content, generated);
    });

    it('matches the reviewed snapshot', async () => {
      await expect(process().content).toMatchFileSnapshot(checks.snapshot);
    });

    it('is already formatted: prettier-plugin-solidity changes nothing', async () => {
      const formatted = await prettier.format(process().content, { filepath: process().file, plugins: ['prettier-plugin-solidity'] });
      expect(process().content.split('\n')).toEqual(formatted.split('\n'));
    }, 30_000);

    it('compiles with solc without any warning', async () => {
      const compiled = await compileSolidity(generated.sources);
      expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.formatted)).toEqual([]);
      expect(compiled.ok).toBe(true);
    }, 30_000);
  });
}

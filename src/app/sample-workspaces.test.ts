import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import { SAMPLE_IDS, loadSampleWorkspace } from './sample-workspaces.js';

describe('sample workspaces', () => {
  it('offers every sample of generators/samples, each a valid workspace', async () => {
    const dirs = readdirSync(new URL('../../generators/samples', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(new URL(`../../generators/samples/${d.name}`, import.meta.url)).includes('workspace.json'))
      .map((d) => d.name);
    expect([...SAMPLE_IDS].sort()).toEqual(dirs.sort());
    for (const id of SAMPLE_IDS) expect(loadWorkspace(await loadSampleWorkspace(id), id).problems.filter((p) => p.severity === 'error'), id).toEqual([]);
  });

  it('opens the order fulfilment sample by default and refuses an unknown one', async () => {
    expect((await loadSampleWorkspace()) as { name: string }).toMatchObject({ name: 'Order fulfilment' });
    await expect(loadSampleWorkspace('nope')).rejects.toThrow('there is no sample "nope"');
  });
});

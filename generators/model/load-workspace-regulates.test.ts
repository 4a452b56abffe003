import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from './load-workspace.js';

const sample = () =>
  JSON.parse(readFileSync(new URL('../samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as {
    participants: Record<string, unknown>[];
    processes: { id: string }[];
  };
const problemsOf = (value: unknown) => loadWorkspace(value, 'ws.json').problems.map((p) => `${p.path}: ${p.message}`);

describe('loadWorkspace: processes a regulator regulates', () => {
  it('accepts a list of defined process ids, and no list at all', () => {
    // given the sample's regulator linked to its process
    const ws = sample();
    const regulator = ws.participants.find((p) => p.id === 'regulator')!;
    regulator.regulates = [ws.processes[0].id];
    // when loaded, then it is clean and the links are kept
    const result = loadWorkspace(ws);
    expect(result.problems).toEqual([]);
    expect(result.workspace!.participants.find((p) => p.id === 'regulator')!.regulates).toEqual([ws.processes[0].id]);
    expect(loadWorkspace(sample()).problems).toEqual([]);
  });

  it('names an unknown, repeated or mistyped process id by its JSON path', () => {
    const ws = sample();
    const index = ws.participants.findIndex((p) => p.id === 'regulator');
    const id = ws.processes[0].id;
    ws.participants[index].regulates = [id, 'no-such', id, 7];
    expect(problemsOf(ws)).toEqual([
      `participants[${index}].regulates[1]: process "no-such" is not defined`,
      `participants[${index}].regulates[2]: process "${id}" is listed twice`,
      `participants[${index}].regulates[3]: process 7 is not defined`,
    ]);
    ws.participants[index].regulates = id;
    expect(problemsOf(ws)).toEqual([`participants[${index}].regulates: must be a list of process ids`]);
  });
});

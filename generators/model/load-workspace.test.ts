import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from './load-workspace.js';

const sample = () =>
  JSON.parse(readFileSync(new URL('../samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
    participants: Record<string, unknown>[];
    roles: Record<string, unknown>[];
    organizations: Record<string, unknown>[];
    processes: Record<string, unknown>[];
  };

/** The problems of a workspace as `path: message` lines, for readable assertions. */
const problemsOf = (value: unknown) => loadWorkspace(value, 'ws.json').problems.map((p) => `${p.path}: ${p.message}`);

describe('loadWorkspace', () => {
  it('loads the sample workspace without problems', () => {
    // given the sample as shipped, when loaded, then it comes back typed and clean
    const result = loadWorkspace(sample());
    expect(result.problems).toEqual([]);
    expect(result.workspace?.name).toBe('Order fulfilment');
    expect(result.workspace?.participants.map((p) => p.id)).toEqual(['wang-fang', 'zhang-wei', 'line-3', 'li-wei', 'regulator']);
  });

  it('names an unknown role of a participant by its JSON path', () => {
    // given the third participant plays a role that is not defined
    const ws = sample();
    ws.participants[2].roles = ['Carier'];
    // when loaded, then the error points at participants[2].roles[0] and no workspace is returned
    const result = loadWorkspace(ws, 'ws.json');
    expect(result.workspace).toBeUndefined();
    expect(result.problems).toEqual([
      { severity: 'error', message: 'role "Carier" is not defined', path: 'participants[2].roles[0]', file: 'ws.json' },
    ]);
  });

  it('reports duplicate ids where the second one is', () => {
    // given two roles and two participants sharing an id
    const ws = sample();
    ws.roles[3].id = 'Buyer';
    ws.participants[1].id = 'wang-fang';
    // when loaded, then each duplicate is reported at its own path
    const problems = problemsOf(ws);
    expect(problems).toContain('roles[3].id: duplicate id "Buyer"');
    expect(problems).toContain('participants[1].id: duplicate id "wang-fang"');
  });

  it('refuses a participant kind outside the allowed list', () => {
    const ws = sample();
    ws.participants[0].kind = 'robot';
    expect(problemsOf(ws)).toEqual(['participants[0].kind: must be one of person, device, organization; got "robot"']);
  });

  it('refuses an address that is not 0x and 40 hex digits', () => {
    // given addresses too short and with a non-hex digit
    const ws = sample();
    ws.participants[0].address = '0x1234';
    ws.participants[1].address = `0x${'g'.repeat(40)}`;
    ws.participants[2].address = `0x${'aB'.repeat(20)}`; // valid: mixed case is fine
    expect(problemsOf(ws)).toEqual([
      'participants[0].address: not an account address (0x and 40 hex digits): "0x1234"',
      `participants[1].address: not an account address (0x and 40 hex digits): "0x${'g'.repeat(40)}"`,
    ]);
  });

  it('asks for a schemaVersion when it is missing', () => {
    const ws = sample();
    delete ws.schemaVersion;
    expect(problemsOf(ws)).toEqual(['schemaVersion: missing; this version of ChainFlow reads schemaVersion 1']);
  });

  it('refuses a schemaVersion it does not read', () => {
    const ws = sample();
    ws.schemaVersion = 2;
    expect(problemsOf(ws)).toEqual(['schemaVersion: unsupported schemaVersion 2; this version reads 1']);
  });

  it('points at an undefined organization and a process without BPMN', () => {
    const ws = sample();
    ws.participants[3].organization = 'shipping';
    ws.processes[0].bpmn = '  ';
    expect(problemsOf(ws)).toEqual([
      'participants[3].organization: organization "shipping" is not defined',
      'processes[0].bpmn: must hold the process as BPMN 2.0 XML',
    ]);
  });

  it('says what is wrong with a value that is not a workspace at all', () => {
    // given JSON that is not an object, or an object with lists missing
    expect(problemsOf([1, 2])).toEqual(['$: a workspace must be a JSON object']);
    const problems = problemsOf({ schemaVersion: 1, name: 'x' });
    expect(problems).toEqual(['organizations: must be a list', 'roles: must be a list', 'participants: must be a list', 'processes: must be a list']);
  });

  it('never throws on hostile input', () => {
    // given list items that are not objects and ids that are not strings
    const ws = { schemaVersion: 1, name: 'x', organizations: [null], roles: [{ id: 7, name: 'r' }], participants: ['p'], processes: [] };
    const problems = problemsOf(ws);
    expect(problems).toContain('organizations[0]: must be an object');
    expect(problems).toContain('roles[0].id: must be a non-empty string');
    expect(problems).toContain('participants[0]: must be an object');
  });

  it('checks the networks a workspace deploys to, each problem at its path', () => {
    // given one good network and one with a bad URL, chain id, gas mode and registry address
    const ws = sample();
    ws.networks = [
      { id: 'besu', name: '联盟链 Besu QBFT', rpcUrl: 'http://10.0.0.5:8545', chainId: 1337, gas: 'free' },
      { id: 'bad', name: 'Bad', rpcUrl: 'ws://node:8546', chainId: 0, gas: 'cheap', registryAddress: '0x12' },
    ];
    // when loaded, then only the bad one is reported, field by field
    expect(problemsOf(ws)).toEqual([
      'networks[1].rpcUrl: must be an http:// or https:// URL',
      'networks[1].chainId: must be a positive integer',
      'networks[1].gas: must be "free" or "market"; got "cheap"',
      'networks[1].registryAddress: not a contract address (0x and 40 hex digits): "0x12"',
    ]);
    ws.networks = [(ws.networks as unknown[])[0]];
    expect(loadWorkspace(ws).workspace?.networks?.[0].name).toBe('联盟链 Besu QBFT');
  });
});

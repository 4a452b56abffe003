import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GAS_BENCHMARKS } from '../../bench/gas-benchmarks.js';
import { measureBenchmark, type GasRow } from '../../bench/measure-gas.js';
import type { AppManifest, Workspace } from '../../generators/index.js';
import { findConformingPaths } from '../../generators/testing/conforming-paths.js';
import { buildWorkspace } from '../cli/node-toolchain.js';
import { parseTrace } from '../cli/run-trace.js';
import { dryRunManifest, startDryRun, STAND_IN_PREFIX } from './dry-run.js';
import { CancelledError, estimateGas, figureOf, pathToTrace } from './estimate-gas.js';

const SAMPLE = GAS_BENCHMARKS.find((b) => b.workspace.includes('order-fulfilment'))!;
const read = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8'));

let workspace: Workspace;
let manifest: AppManifest;
let bench: GasRow;

beforeAll(async () => {
  // the user's workspace as the IDE builds it: participants without addresses
  workspace = read(SAMPLE.workspace) as Workspace;
  const built = await buildWorkspace(workspace);
  manifest = built.manifest!;
  bench = await measureBenchmark(SAMPLE);
}, 120_000);

describe('dry run', () => {
  it('measures what bench:gas measures for the sample: deployment and the second instance of its trace', async () => {
    // given the sample's happy-path trace on a dry run of the IDE's compiled design
    const dry = await startDryRun(workspace, manifest);
    const steps = parseTrace(read(SAMPLE.trace)).filter((s) => s.expect !== 'revert');
    const id = manifest.processes[0].id;
    // when it runs twice, as bench:gas runs it
    await dry.run(id, steps);
    const second = await dry.run(id, steps);
    // then every figure is the benchmark's
    expect(second.every((s) => s.status === 'ok')).toBe(true);
    expect(second.reduce((sum, s) => sum + s.gasUsed!, 0)).toBe(bench.instanceGas);
    expect(second[0].gasUsed).toBe(bench.creationGas);
    expect(dry.processGas[id]).toEqual({ deployGas: bench.processDeployGas, attachGas: bench.attachGas });
    expect(dry.registryDeployGas).toBe(bench.registryDeployGas);
  }, 120_000);

  it('gives a role nobody holds a stand-in member, and every participant a development address', () => {
    const withoutCarrier = { ...manifest, participants: manifest.participants.filter((p) => !p.roles.includes('Carrier')) };
    const dry = dryRunManifest(withoutCarrier);
    const standIn = dry.participants.find((p) => p.id === `${STAND_IN_PREFIX}Carrier`);
    expect(standIn?.roles).toEqual(['Carrier']);
    expect(dry.participants.every((p) => /^0x[0-9a-fA-F]{40}$/.test(p.address ?? ''))).toBe(true);
    expect(dryRunManifest(manifest).participants).toHaveLength(manifest.participants.length);
  });
});

describe('gas estimate of a design', () => {
  it('gives every task and the start a figure from the conforming paths, and each path its instance gas', async () => {
    // when the sample is estimated
    const outcome = await estimateGas(workspace, manifest);
    // then
    if (!outcome.ok) throw new Error(outcome.refused.join('\n'));
    const [p] = outcome.estimate.processes;
    const process = manifest.processes[0];
    expect(p.failures).toEqual([]);
    expect(p.uncovered).toEqual([]);
    expect(Object.keys(p.elements).sort()).toEqual([process.start.elementId, ...process.tasks.map((t) => t.elementId)].sort());
    // the deployment is the benchmark's; a start costs what the trace's start costs (same data shape)
    expect(p.deployGas).toBe(bench.processDeployGas);
    expect(outcome.estimate.registryDeployGas).toBe(bench.registryDeployGas);
    for (const f of Object.values(p.elements)) expect(f.min <= f.median && f.median <= f.max && f.min > 21_000).toBe(true);
    // one figure per conforming path; each path's instance gas is the sum of its steps, so it lies between
    const ir = (await import('../../generators/generate-workspace.js')).generateWorkspace;
    const paths = findConformingPaths((await ir(workspace)).processes[0].ir, { participants: manifest.participants.map((x) => ({ id: x.id, roles: x.roles })) }).paths;
    expect(p.paths).toHaveLength(paths.length);
    expect(p.perInstance!.samples).toBe(paths.length);
    expect(p.perInstance!.min).toBeLessThanOrEqual(p.perInstance!.max);
    // the happy path of the benchmark (with a rework loop) costs more than the shortest complete path
    expect(p.perInstance!.min).toBeLessThan(bench.instanceGas);
  }, 120_000);

  it('refuses a model the generator refuses, saying where', async () => {
    const broken = { ...workspace, processes: [{ ...workspace.processes[0], bpmn: workspace.processes[0].bpmn.replace('sourceRef="Start_OrderPlaced"', 'sourceRef="Nowhere"') }] };
    const outcome = await estimateGas(broken, manifest);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.refused.join('\n')).toMatch(/processes\[0\]/);
  }, 60_000);

  it('stops when cancelled', async () => {
    await expect(estimateGas(workspace, manifest, { isCancelled: () => true })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('paths as trace steps', () => {
  it('turns choices into flow ids and stops at a timer', async () => {
    const { generateWorkspace } = await import('../../generators/generate-workspace.js');
    const ir = (await generateWorkspace(workspace)).processes[0].ir;
    const process = manifest.processes[0];
    const { paths } = findConformingPaths(ir, { participants: manifest.participants.map((x) => ({ id: x.id, roles: x.roles })) });
    const chosen = paths.flatMap((p) => pathToTrace(process, p).steps).filter((s) => s.choose !== undefined);
    const flows = new Set(process.tasks.flatMap((t) => [...(t.choice?.options.map((o) => o.flowId) ?? []), t.choice?.defaultFlowId]));
    expect(chosen.length).toBeGreaterThan(0);
    for (const s of chosen) expect(flows.has(s.choose)).toBe(true);
    const withTimer = { steps: [...paths[0].steps.slice(0, 2), { kind: 'trigger', timer: 0, elementId: 'T', name: 'T', waitSeconds: 1, marking: 0n, ended: false, covers: [] }, ...paths[0].steps.slice(2)] } as never;
    const cut = pathToTrace(process, withTimer);
    expect(cut).toEqual({ steps: pathToTrace(process, { steps: paths[0].steps.slice(0, 2) }).steps, complete: false });
  });

  it('sums up figures', () => {
    expect(figureOf([])).toBeUndefined();
    expect(figureOf([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5, samples: 3 });
    expect(figureOf([4, 1, 3, 10])).toEqual({ min: 1, median: 4, max: 10, samples: 4 });
  });
});

/**
 * Every trace kept beside a sample (generators/samples/<sample>/*.trace.json) replays as `npm run
 * cli -- run` replays it: built with the development keys, deployed on the in-process ledger, every
 * step ok or reverted as the trace expects. The traces document the samples' paths (README, docs),
 * so one that no longer runs as written is a broken example, found here rather than by a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './node-toolchain.js';
import { withDevAddresses } from './dev-keys.js';
import { readInput } from './read-input.js';
import { parseTrace, runTrace } from './run-trace.js';

const SAMPLES = fileURLToPath(new URL('../../generators/samples', import.meta.url));

/** Each sample's input (its workspace.json, else its one .bpmn file) with the traces beside it. */
function sampleTraces(): { sample: string; input: string; trace: string }[] {
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap(({ name }) => {
      const files = readdirSync(join(SAMPLES, name));
      const input = files.includes('workspace.json') ? 'workspace.json' : files.find((f) => f.endsWith('.bpmn'));
      return input ? files.filter((f) => f.endsWith('.trace.json')).map((trace) => ({ sample: name, input: join(SAMPLES, name, input), trace: join(SAMPLES, name, trace) })) : [];
    });
}

const traces = sampleTraces();

describe('the samples\' traces', () => {
  it('are found', () => {
    // ten traces in seven samples when this test was written: more is fine, fewer is a lost example
    expect(traces.length).toBeGreaterThanOrEqual(10);
  });

  it.concurrent.each(traces.map((t) => [`${t.sample}/${t.trace.split('/').pop()}`, t] as const))('%s replays as written', async (_, { input, trace }) => {
    // given the sample built with the development keys, as `cli run` builds it
    const read = await readInput(input);
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const workspace = withDevAddresses(read.workspace!);
    const built = await buildWorkspace(workspace);
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // when the trace runs on a fresh in-process ledger
    const result = await runTrace(workspace, built.manifest!, parseTrace(JSON.parse(readFileSync(trace, 'utf8'))));
    // then every step is accepted or refused as the trace says
    const unexpected = result.steps.filter((s) => !s.asExpected).map((s) => `step ${s.index} "${s.task}" as ${s.as}: ${s.status}, expected ${s.expected}${s.reason ? ` (${s.reason})` : ''}`);
    expect(unexpected).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);
});

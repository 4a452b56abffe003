/**
 * Differential test of call activities: random processes (every feature but role bindings, which a
 * called start cannot nominate) are called by a small caller and inlined as a scope of it; the
 * interpreter and the caller's compiled contract must agree after every step of random traces. A
 * random called process that cannot be called (a path through it that waits for no one, which a
 * scope refuses) is skipped, and counted: most must run.
 * Random workspaces (arbitrary-workspace.ts): 2-3 processes calling each other (nested calls, a called
 * process's error end caught on the call activity, timer and message boundaries on call activities, fields shared
 * by name), the first one driven by random traces; every one of them must generate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateWorkspace, hasErrors } from '../index.js';
import { deployProcess } from '../testing/process-on-evm.js';
import { ALL_FEATURES, randomModelWith } from '../testing/arbitrary-process.js';
import { traceIntents } from '../testing/random-trace.js';
import { runDifferential } from '../testing/run-differential.js';
import { wrapInCall } from '../testing/wrap-in-call.js';
import { randomWorkspace } from '../testing/arbitrary-workspace.js';

// fewer than before the random workspaces below, which call random processes too (and more)
const MODELS = Number(process.env.FUZZ_RUNS ? 40 : 2);
const TRACES_PER_MODEL = 25;
const WORKSPACES = Number(process.env.FUZZ_RUNS ? 40 : 6);
const TRACES_PER_WORKSPACE = 25;
// FUZZ_SEED replays a run. CI's seed is chosen for what its six workspaces draw (10 nested calls,
// 11 error catches, 8 timer and 5 message boundaries on calls): the draw changes whenever the
// random-model features change, and the counts below fail when a seed stops covering them.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() : 42;

describe('interpreter and contract agree on call activities', () => {
  it(`on ${MODELS} random called processes, ${TRACES_PER_MODEL} traces each`, async () => {
    let ran = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(randomModelWith({ ...ALL_FEATURES, bindings: false }), async (model) => {
        const workspace = wrapInCall(model);
        const generated = await generateWorkspace(workspace);
        if (hasErrors(generated.problems)) {
          // only the scope's own rule may refuse a called process that generates on its own
          expect(generated.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([expect.stringContaining('every path inside a subprocess must wait for someone')]);
          skipped++;
          return;
        }
        ran++;
        const deployed = await deployProcess(workspace);
        expect(deployed.ir.subprocesses.some((s) => s.calledProcess?.processId === 'RandomProcess')).toBe(true);
        const participants = workspace.participants.map((p) => ({ id: p.id, roles: p.roles }));
        await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployed, participants, intents)), { numRuns: TRACES_PER_MODEL, seed: SEED });
      }),
      // a failing model is printed as is: shrinking models, each with its own traces, takes too long
      { numRuns: MODELS, seed: SEED, endOnFailure: true },
    );
    console.log(`call activities: ${ran} random called processes ran, ${skipped} skipped (could end without waiting)`);
    expect(ran).toBeGreaterThanOrEqual(MODELS / 2);
  }, 600_000);

  it(`on ${WORKSPACES} random workspaces of processes calling each other, ${TRACES_PER_WORKSPACE} traces each`, async () => {
    const seen = { calls: 0, nested: 0, errorCatches: 0, timers: 0, messages: 0 };
    await fc.assert(
      fc.asyncProperty(randomWorkspace(), async ({ workspace }) => {
        const deployed = await deployProcess(workspace);
        const calls = deployed.ir.subprocesses.filter((s) => s.calledProcess);
        // the caller calls at least once, and what the scopes hold is what the test means to cover
        expect(calls.length).toBeGreaterThan(0);
        seen.calls += calls.length;
        seen.nested += calls.filter((s) => s.elementId.includes('/')).length; // an inlined call's id is prefixed by its caller's
        const callIndexes = new Set(calls.map((s) => deployed.ir.subprocesses.indexOf(s)));
        seen.errorCatches += deployed.ir.errorBoundaries.filter((b) => callIndexes.has(b.attachedTo)).length;
        seen.timers += deployed.ir.timers.filter((t) => t.attachedToSubprocess !== undefined && callIndexes.has(t.attachedToSubprocess)).length;
        seen.messages += deployed.ir.tasks.filter((t) => t.attachedToSubprocess !== undefined && callIndexes.has(t.attachedToSubprocess)).length;
        const participants = workspace.participants.map((p) => ({ id: p.id, roles: p.roles }));
        await fc.assert(fc.asyncProperty(traceIntents(), (intents) => runDifferential(deployed, participants, intents)), { numRuns: TRACES_PER_WORKSPACE, seed: SEED });
      }),
      { numRuns: WORKSPACES, seed: SEED, endOnFailure: true },
    );
    // what the workspaces are for happened: nested calls and calls with boundary events
    expect(seen.nested).toBeGreaterThan(0);
    expect(seen.errorCatches).toBeGreaterThan(0);
    expect(seen.timers).toBeGreaterThan(0);
    expect(seen.messages).toBeGreaterThan(0);
    console.log(`random workspaces: ${WORKSPACES} ran, ${seen.calls} call activities (${seen.nested} nested), ${seen.errorCatches} catching errors, ${seen.timers} timer boundaries and ${seen.messages} message boundaries on calls`);
  }, 600_000);
});

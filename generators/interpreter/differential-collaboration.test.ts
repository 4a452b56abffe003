/**
 * Differential test of collaborations: random collaborations of 2-3 executable pools with message
 * flows between them (generators/testing/arbitrary-collaboration.ts: messages that arrive before
 * their receivers wait, sends in loops, pools started late, terminate ends inside a pool) are compiled
 * and driven by random traces; the interpreter and the contract must agree after every step.
 * Every drawn collaboration must generate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateWorkspace, hasErrors } from '../index.js';
import { deployProcess } from '../testing/process-on-evm.js';
import { traceIntents } from '../testing/random-trace.js';
import { runDifferential, type OutcomeCounts } from '../testing/run-differential.js';
import { randomCollaboration } from '../testing/arbitrary-collaboration.js';
import { formatProblem } from '../problems.js';

const MODELS = Number(process.env.FUZZ_RUNS ? 60 : 10);
const TRACES_PER_MODEL = 15;
const SEED = process.env.FUZZ_RUNS ? Date.now() : 20_261_125;

describe('interpreter and contract agree on collaborations of executable pools', () => {
  it(`on ${MODELS} random collaborations, ${TRACES_PER_MODEL} traces each`, async () => {
    const outcomes: OutcomeCounts = new Map();
    const seen = { flows: 0, pools3: 0 };
    await fc.assert(
      fc.asyncProperty(randomCollaboration(), async ({ workspace }) => {
        const generated = await generateWorkspace(workspace);
        expect(hasErrors(generated.problems) ? generated.problems.map(formatProblem) : []).toEqual([]);
        const deployed = await deployProcess(workspace);
        seen.flows += deployed.ir.messageFlows?.length ?? 0;
        if (deployed.ir.subprocesses.filter((s) => s.pool && 'processId' in s.pool).length === 3) seen.pools3++;
        const participants = workspace.participants.map((p) => ({ id: p.id, roles: p.roles }));
        await fc.assert(fc.asyncProperty(traceIntents(30), (intents) => runDifferential(deployed, participants, intents, outcomes)), { numRuns: TRACES_PER_MODEL, seed: SEED });
      }),
      { numRuns: MODELS, seed: SEED, endOnFailure: true },
    );
    console.log(`collaborations: ${seen.flows} message flows, ${seen.pools3} with three pools; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(seen.flows).toBeGreaterThan(MODELS);
    // the traces reach a send whose message is still buffered
    expect(outcomes.get('MessagePending') ?? 0).toBeGreaterThan(0);
  }, 600_000);
});

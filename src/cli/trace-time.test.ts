/**
 * Block time in traces (trace-time.ts, run-trace.ts): steps that say when they run, on the
 * in-process ledger, against the timer-started inspection-round sample, and the mistakes a trace
 * can make with time, said in words at the step.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type AppManifest, type Workspace } from '../../generators/index.js';
import { buildWorkspace } from './node-toolchain.js';
import { withDevAddresses } from './dev-keys.js';
import { parseTrace, runTrace } from './run-trace.js';
import { readStepTime } from './trace-time.js';

/** 2026-01-01T08:00:00+08:00: the sample's first round. */
const FIRST_ROUND = 1_767_225_600;
const HOUR = 3600;

describe('trace steps with a block time', () => {
  let workspace: Workspace;
  let manifest: AppManifest;
  beforeAll(async () => {
    const sample = JSON.parse(readFileSync(new URL('../../generators/samples/inspection-round/workspace.json', import.meta.url), 'utf8'));
    workspace = withDevAddresses(loadWorkspace(sample).workspace!);
    manifest = (await buildWorkspace(workspace)).manifest!;
  }, 60_000);

  it('reads "at" as a date-time with a zone or Unix seconds, "after" as a duration or seconds', () => {
    expect(readStepTime({ at: '2026-01-01T08:00:00+08:00' })).toEqual({ at: FIRST_ROUND });
    expect(readStepTime({ at: FIRST_ROUND })).toEqual({ at: FIRST_ROUND });
    expect(readStepTime({ after: 'PT8H' })).toEqual({ after: 8 * HOUR });
    expect(readStepTime({ after: 90 })).toEqual({ after: 90 });
    expect(readStepTime({ task: 'start' })).toBeUndefined();
  });

  it('refuses a malformed time at its step, saying what to write', () => {
    expect(() => parseTrace([{ task: 'start', as: 'x' }, { task: 'start', as: 'x', at: '2026-01-01T08:00:00' }])).toThrow('step 2: "at": date-time "2026-01-01T08:00:00" has no time zone');
    expect(() => parseTrace([{ task: 'start', as: 'x', after: 'P1M' }])).toThrow('step 1: "after": duration "P1M" uses months');
    expect(() => parseTrace([{ task: 'start', as: 'x', after: -5 }])).toThrow('step 1: "after" must be an ISO 8601 duration (PT8H, P1D) or a number of seconds');
    expect(() => parseTrace([{ task: 'start', as: 'x', at: 1, after: 1 }])).toThrow('step 1: give "at" or "after", not both');
  });

  it('starts a timer-started process in its round, refuses a second start in it, fires a boundary timer once due', async () => {
    // given the sample's trace: a start before the first round, in it, again in it; a repair left 7 then 8 hours; the next round
    const steps = parseTrace(JSON.parse(readFileSync(new URL('../../generators/samples/inspection-round/daily-round.trace.json', import.meta.url), 'utf8')));
    // when it runs on a fresh in-process ledger
    const result = await runTrace(workspace, manifest, steps);
    // then every step behaves as the trace expects, at the time it asked for
    expect(result.steps.map((s) => `${s.task} ${s.status}`)).toEqual([
      'start reverted', 'start ok', 'start reverted', '巡检设备 ok', '8小时未修复 reverted', '8小时未修复 ok', '厂长处理 ok', 'start ok',
    ]);
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.blockTime)).toEqual([FIRST_ROUND - HOUR, FIRST_ROUND, FIRST_ROUND + HOUR, undefined, FIRST_ROUND + 8 * HOUR, FIRST_ROUND + 9 * HOUR, undefined, FIRST_ROUND + 24 * HOUR]);
    expect(result.steps[0].reason).toContain('is not due yet');
    expect(result.steps[2].reason).toContain('is not due yet');
    // the timer was refused 7 hours after the repair began and fired after 8, from the refused step's time on
    expect(result.steps[4].reason).toContain('"8小时未修复" is not due yet in instance #1');
    // the next round's start is the second instance, waiting for its inspection
    expect(result).toMatchObject({ instanceId: '2', ended: false, enabled: ['巡检设备'] });
  }, 60_000);

  it('says at the step when a trace would take block time back, and sends nothing', async () => {
    const result = await runTrace(workspace, manifest, parseTrace([
      { task: 'start', as: 'zhao-lei', at: '2026-01-01T08:00:00+08:00', data: { 班次: '早班' } },
      { task: 'start', as: 'zhao-lei', at: '2026-01-01T07:00:00+08:00', data: { 班次: '早班' }, expect: 'revert' },
      { task: 'no such thing', as: 'zhao-lei' },
    ]));
    expect(result.steps[1]).toMatchObject({ status: 'reverted', asExpected: false, gasUsed: null, reason: 'block time cannot go back: the trace is at 2026-01-01T00:00:00Z, the step asks for 2025-12-31T23:00:00Z' });
    expect(result.steps[2]).toMatchObject({ asExpected: false, reason: 'process "设备日常巡检" has no task or timer "no such thing"' });
  }, 60_000);
});

/** StartNotDue (a timer start event's round not due, or none left) told in words. */
import { Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { AppManifest } from '../../generators/index.js';
import { createErrorExplainer } from './explain-error.js';

const ERROR = 'error StartNotDue(string startEvent, uint256 dueAt)';
const iface = new Interface([ERROR]);
const manifest = { registry: { abi: [] }, participants: [], processes: [{ abi: iface.fragments.map((f) => JSON.parse(f.format('json'))) }] } as unknown as AppManifest;
const revert = (dueAt: bigint) => ({ data: iface.encodeErrorResult('StartNotDue', ['每日巡检', dueAt]) });

describe('explaining StartNotDue', () => {
  it('says from when the next instance can be started', () => {
    expect(createErrorExplainer(manifest)(revert(1_767_225_600n))).toBe('"每日巡检" is not due yet: the next instance can be started from 2026-01-01T00:00:00.000Z, once per round.');
  });

  it('says when no round is left (dueAt = type(uint64).max)', () => {
    expect(createErrorExplainer(manifest)(revert(2n ** 64n - 1n))).toBe('"每日巡检" has no round left: no more instances can be started.');
  });
});

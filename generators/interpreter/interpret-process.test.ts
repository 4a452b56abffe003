import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import type { ProcessIR } from '../ir/process-ir.js';
import { compileCondition } from '../feel/check-feel.js';
import { buildModel, type Block, type ModelSpec, type TaskBlock } from '../testing/arbitrary-process.js';
import { complete, createInstance, enabled, start, type Caller, type InstanceState, type StepResult } from './interpret-process.js';
import { evaluateCondition, FeelRuntimeError } from '../feel/evaluate-feel.js';

const A: Caller = { roles: ['R1'], member: true };
const B: Caller = { roles: ['R2'], member: true };
const task = (role: number, writes: number[] = []): TaskBlock => ({ kind: 'task', role, writes, name: 0 });
const TRUE = { k: 'flag', slot: 0 } as const;

async function irOf(body: Block[], fields: ModelSpec['fields'] = [{ type: 'uint', required: false }], startRole: number | null = 0): Promise<ProcessIR> {
  const model = buildModel({ roles: 2, chinese: false, fields, startRole, startWrites: [], body: { kind: 'seq', items: body } });
  const out = await generateWorkspace(model.workspace);
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return out.processes[0].ir;
}

function ok(r: StepResult): InstanceState {
  if (!r.ok) throw new Error(`rejected: ${r.error} ${r.message}`);
  return r.state;
}

describe('the reference interpreter', () => {
  it('checks in the contract order: enabled, then role, then required fields, then routing', async () => {
    // given task 1 (role A, a required string) followed by a caller-decided choice without default
    const ir = await irOf([{ kind: 'xor', decider: task(0, [0]), byCaller: true, withDefault: false, branches: [
      { body: task(1), end: 'merge', condition: TRUE }, { body: task(1), end: 'merge', condition: TRUE }] }], [{ type: 'string', required: true }]);
    const s = ok(start(createInstance(ir), A));
    // when a disabled task is called by the wrong role with bad data, then it is "not enabled" first
    expect(complete(s, 1, B, { f1: '' }, 9)).toMatchObject({ ok: false, error: 'TaskNotEnabled' });
    // then the role comes before the data, the data before the choice
    expect(complete(s, 0, B, { f1: '' }, 9)).toMatchObject({ ok: false, error: 'CallerLacksRole' });
    expect(complete(s, 0, A, { f1: '' }, 9)).toMatchObject({ ok: false, error: 'RequiredFieldMissing' });
    expect(complete(s, 0, A, { f1: 'x' }, 9)).toMatchObject({ ok: false, error: 'InvalidChoice' });
    expect(complete(s, 0, A, { f1: 'x' }, 0)).toMatchObject({ ok: false, error: 'InvalidChoice' }); // no default flow
    const next = complete(s, 0, A, { f1: 'x' }, 2);
    expect(next).toMatchObject({ ok: true, record: { data: { f1: 'x' }, choice: 2, ended: false } });
    expect(enabled(ok(next))).toEqual([2]);
    // and a rejected step changed nothing
    expect(enabled(s)).toEqual([0]);
  });

  it('lets any member start an open start event, with or without roles, but not an outsider', async () => {
    const ir = await irOf([task(0)], undefined, null);
    expect(start(createInstance(ir), B)).toMatchObject({ ok: true });
    expect(start(createInstance(ir), { roles: [], member: false })).toMatchObject({ ok: false, error: 'NotAMember' });
    // the registry pushes a MEMBER bit with the roles, so a member without roles may start too
    expect(start(createInstance(ir), { roles: [], member: true })).toMatchObject({ ok: true });
  });

  it('ends the instance at a terminate end inside a parallel branch, whatever the other branches hold', async () => {
    // given a split into [task 1 -> merge] and [task 2 -> terminate]
    const ir = await irOf([task(0), { kind: 'and', branches: [
      { body: task(0), end: 'merge', condition: TRUE },
      { body: task(1), end: 'terminate', condition: TRUE },
      { body: task(0), end: 'merge', condition: TRUE }] }]);
    expect(ir.ends.some((e) => e.terminate)).toBe(true);
    const split = ok(complete(ok(start(createInstance(ir), A)), 0, A));
    expect(enabled(split)).toEqual([1, 2, 3]);
    // when the terminating branch's task is done while the others still wait, then everything stops
    const terminated = complete(split, 2, B);
    expect(terminated).toMatchObject({ ok: true, record: { ended: true } });
    expect(ok(terminated).marking).toBe(0n);
  });

  it('absorbs a second token arriving on the same join input, and fires once every input has one', async () => {
    // given a loop around task 0 inside one branch of a parallel block
    const ir = await irOf([{ kind: 'and', branches: [
      { body: { kind: 'loop', body: { kind: 'seq', items: [] }, decider: task(0), byCaller: true, backOnCondition: false, condition: TRUE }, end: 'merge', condition: TRUE },
      { body: task(1), end: 'merge', condition: TRUE }] }, task(1)]);
    let s = ok(start(createInstance(ir), A));
    expect(enabled(s)).toEqual([0, 1]);
    // when the looping branch leaves its loop (choice 0 = default), then the join waits
    s = ok(complete(s, 0, A, {}, 0));
    expect(enabled(s)).toEqual([1]);
    s = ok(complete(s, 1, B));
    expect(enabled(s)).toEqual([2]);
    expect(ok(complete(s, 2, B)).marking).toBe(0n);
  });

  it('names condition reverts as the contract does, evaluating the right operand first', () => {
    const fields = [{ name: 'u', type: 'uint' as const }, { name: 'i', type: 'int' as const }];
    const cond = (text: string) => { const r = compileCondition(text, fields); if (!r.ok) throw new Error(r.message); return r.expr; };
    const errorOf = (text: string, u: bigint, i: bigint) => { try { evaluateCondition(cond(text), [u, i]); return 'none'; } catch (e) { return (e as FeelRuntimeError).errorName; } };
    const big = 1n << 255n; // above int256 max
    expect(errorOf('u - 1 > 0', 0n, 0n)).toBe('Panic');
    expect(errorOf('i / u > 0', 0n, 0n)).toBe('Panic');
    expect(errorOf('i < u', big, 0n)).toBe('ValueOutOfRange');
    // both sides would revert: the right one is evaluated first on chain
    expect(errorOf('(i / 0) < u', big, 0n)).toBe('ValueOutOfRange');
    expect(errorOf('u < (i / 0)', big, 0n)).toBe('Panic');
    // and or short-circuits
    expect(errorOf('u = 0 or 10 / u > 1', 0n, 0n)).toBe('none');
  });
});

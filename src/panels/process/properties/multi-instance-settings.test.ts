import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../generators/model/workspace.js';
import {
  FOR_EACH_OF, cardinalityError, completionError, countModeOf, modeChange, multiInstanceOf, multiInstanceProblems,
} from './multi-instance-settings.js';
import { readProcess } from './test-process.js';

const roles = [{ id: 'inspector', name: '质检员' }, { id: 'bank', name: 'Bank' }] as unknown as Role[];
const task = (loop: string) => readProcess(`<bpmn:userTask id="T" name="Approve">${loop}</bpmn:userTask>`).then((m) => m.get('T')!);
const expr = (body: string) => `xsi:type="bpmn:tFormalExpression">${body}`;

describe('multi-instance settings', () => {
  it('has no settings and no problems for a task without multi-instance', async () => {
    // given a plain user task, then there is nothing to show
    const t = await task('');
    expect(multiInstanceOf(t)).toBeUndefined();
    expect(multiInstanceProblems(t, roles)).toEqual([]);
  });

  it('accepts a count with a completion condition over the counters, as the generator does', async () => {
    const t = await task(`<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${expr('3')}</bpmn:loopCardinality><bpmn:completionCondition ${expr('nrOfCompletedInstances &gt;= 2')}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>`);
    expect(countModeOf(multiInstanceOf(t)!)).toBe('count');
    expect(multiInstanceProblems(t, roles)).toEqual([]);
  });

  it('reports neither, both, a bad count, an unknown role and a condition over fields, in the generator words', async () => {
    const neither = await task('<bpmn:multiInstanceLoopCharacteristics />');
    expect(multiInstanceProblems(neither, roles)).toEqual([expect.stringContaining('has no loopCardinality')]);
    const both = await task(`<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="bank"><bpmn:loopCardinality ${expr('3')}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`);
    expect(countModeOf(multiInstanceOf(both)!)).toBe('role');
    expect(multiInstanceProblems(both, roles)).toEqual([expect.stringContaining('both a loopCardinality and cf:forEachOf')]);
    const unknown = await task('<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="nobody" />');
    expect(multiInstanceProblems(unknown, roles)).toEqual([expect.stringContaining('names role "nobody"')]);
    const byName = await task('<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="质检员" />');
    expect(multiInstanceProblems(byName, roles)).toEqual([]);
    const fields = await task(`<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${expr('2')}</bpmn:loopCardinality><bpmn:completionCondition ${expr('approved')}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>`);
    expect(multiInstanceProblems(fields, roles)).toEqual([expect.stringContaining('completion')]);
  });

  it('checks a typed count and condition live', () => {
    expect(cardinalityError('3')).toBeNull();
    expect(cardinalityError(' 255 ')).toBeNull();
    expect(cardinalityError('0')).toMatch(/1 to 255/);
    expect(cardinalityError('256')).toMatch(/1 to 255/);
    expect(cardinalityError('n')).toMatch(/whole number/);
    expect(cardinalityError('')).toMatch(/number of instances/);
    expect(completionError('')).toBeNull();
    expect(completionError('nrOfCompletedInstances >= 2 and nrOfActiveInstances < 3')).toBeNull();
    expect(completionError('approved')).toMatch(/nrOfInstances/);
    expect(completionError('nrOfCompletedInstances >=')).not.toBeNull();
  });

  it('switches between count and role in one update, dropping the other setting', async () => {
    // given a count of 3, when switched to a role, then the cardinality goes and the first role comes
    const counted = multiInstanceOf(await task(`<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality ${expr('3')}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`))!;
    expect(modeChange('role', counted, roles, (b) => b)).toEqual({ loopCardinality: undefined, [FOR_EACH_OF]: 'inspector' });
    expect(modeChange('count', counted, roles, (b) => b)).toEqual({});
    // given a role, when switched to a count, then the role goes and a count of 2 comes
    const perRole = multiInstanceOf(await task('<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="bank" />'))!;
    expect(modeChange('count', perRole, roles, (b) => `expr:${b}`)).toEqual({ [FOR_EACH_OF]: undefined, loopCardinality: 'expr:2' });
    // given both, when "role" is chosen again, then the cardinality is dropped and the role kept
    const both = multiInstanceOf(await task(`<bpmn:multiInstanceLoopCharacteristics cf:forEachOf="bank"><bpmn:loopCardinality ${expr('3')}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`))!;
    expect(modeChange('role', both, roles, (b) => b)).toEqual({ loopCardinality: undefined, [FOR_EACH_OF]: 'bank' });
  });
});

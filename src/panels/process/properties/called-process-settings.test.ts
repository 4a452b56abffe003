import { describe, expect, it } from 'vitest';
import { calledElementError, callableProcesses } from './called-process-settings.js';

const processes = [{ id: 'p1', name: '采购' }, { id: 'p2', name: 'Credit check' }];

describe('called process', () => {
  it('offers every other process, never the one shown', () => {
    expect(callableProcesses(processes, 'p1')).toEqual([{ id: 'p2', name: 'Credit check' }]);
  });

  it('refuses a call of itself and of a process the workspace does not have', () => {
    expect(calledElementError('p2', processes, 'p1')).toBeNull();
    expect(calledElementError('', processes, 'p1')).toBeNull();
    expect(calledElementError('p1', processes, 'p1')).toBe('self');
    expect(calledElementError('gone', processes, 'p1')).toBe('unknown');
  });
});

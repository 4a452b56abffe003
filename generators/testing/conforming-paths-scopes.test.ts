/**
 * Conforming paths through scopes and multi-instance tasks, on the credit-check sample: every flow,
 * task, timer and end is covered (also the error boundary's path, the subprocess's timer and the
 * supplier's withdrawal message on it), and a parallel multi-instance task is done by different participants.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';
import { findConformingPaths } from './conforming-paths.js';

describe('conforming paths of the credit-check sample', () => {
  it('cover everything, with the 2-of-3 approval done by two different bank participants', async () => {
    // given the sample with its three bank participants
    const workspace = loadWorkspace(JSON.parse(readFileSync(new URL('../samples/credit-check/workspace.json', import.meta.url), 'utf8'))).workspace!;
    const ir = (await generateWorkspace(workspace)).processes[0].ir!;
    // when paths are searched with every participant of the workspace
    const found = findConformingPaths(ir, { participants: workspace.participants.map((p) => ({ id: p.id, roles: p.roles })) });
    // then nothing is left uncovered: the error boundary's and the timer's paths included
    expect(found.uncovered).toEqual([]);
    expect(found.targets.map((t) => t.key)).toEqual(expect.arrayContaining(['timer:Timer_CheckDeadline', 'end:End_Rejected', 'end:End_Declined', 'task:Task_Approve', 'task:Message_Withdraw', 'end:End_Withdrawn']));
    // and the approvals in a path are by different participants
    const approvals = found.paths.flatMap((p) => p.steps).filter((s) => s.kind === 'task' && s.elementId === 'Task_Approve');
    expect(approvals).toHaveLength(2);
    expect(new Set(approvals.map((s) => (s.kind === 'task' ? s.as : ''))).size).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { TaskTemplateDef, Workspace } from '../../generators/index.js';
import { loadWorkspace } from '../../generators/model/load-workspace.js';
import { pruneTaskTemplates, removeTaskTemplate, saveTaskTemplate } from './template-edits.js';
import { removeRole } from './workspace-edits.js';
import { sampleWorkspace } from './test-services.js';

const problems = (w: Workspace) => loadWorkspace(JSON.parse(JSON.stringify(w))).problems;

const inspection: Omit<TaskTemplateDef, 'id'> = {
  label: ' 质检 Quality check ',
  taskType: 'bpmn:UserTask',
  name: '质量检验',
  role: sampleWorkspace.roles[0].id,
  fields: [
    { name: 'grade', type: 'enum', label: '等级', required: true, values: ['合格', '返工'] },
    { name: 'inspector', type: 'participant', label: '检验员', required: false, role: sampleWorkspace.roles[0].id },
  ],
  multiInstance: { forEachOf: sampleWorkspace.roles[0].id, completion: 'nrOfCompletedInstances >= 1' },
};

describe('task template edits', () => {
  it('saves a template with a readable id and a trimmed label; the workspace still loads', () => {
    const { workspace, id } = saveTaskTemplate(sampleWorkspace, inspection);
    expect(id).toBe('quality-check');
    expect(workspace.taskTemplates).toEqual([{ ...inspection, label: '质检 Quality check', id }]);
    expect(problems(workspace)).toEqual([]);
  });

  it('replaces the template of the same label instead of adding a copy, and removes it again', () => {
    const first = saveTaskTemplate(sampleWorkspace, inspection);
    const second = saveTaskTemplate(first.workspace, { ...inspection, label: '质检 Quality check', name: '复检' });
    expect(second.id).toBe(first.id);
    expect(second.workspace.taskTemplates!.map((t) => t.name)).toEqual(['复检']);
    const other = saveTaskTemplate(second.workspace, { ...inspection, label: '入库' });
    expect(other.id).toBe('template-1');
    // removing the last one leaves no empty list behind
    const removed = removeTaskTemplate(removeTaskTemplate(other.workspace, first.id), other.id);
    expect(removed).not.toHaveProperty('taskTemplates');
    expect(removeTaskTemplate(removed, 'nope')).toBe(removed);
  });

  it('keeps templates loadable when the role they name is removed', () => {
    // given a template whose task, participant field and multi-instance name a role
    const role = sampleWorkspace.roles[0].id;
    const ws = saveTaskTemplate(sampleWorkspace, inspection).workspace;
    // when the role is removed (unpruned, the workspace would no longer load)
    const without = removeRole(ws, role);
    expect(problems(without).map((p) => p.path)).toEqual(expect.arrayContaining(['taskTemplates[0].role']));
    const pruned = pruneTaskTemplates(without);
    // then the task's role goes, the field keeps no role, and "one per participant" becomes a count
    const tpl = pruned.taskTemplates![0];
    expect(tpl).not.toHaveProperty('role');
    expect(tpl.fields[1]).not.toHaveProperty('role');
    expect(tpl.multiInstance).toEqual({ cardinality: 2, completion: 'nrOfCompletedInstances >= 1' });
    expect(problems(pruned)).toEqual([]);
    expect(pruneTaskTemplates(pruned)).toBe(pruned);
  });

  it('refuses a malformed template on import with where it is wrong', () => {
    const bad = {
      ...sampleWorkspace,
      taskTemplates: [{ id: 't', label: '', name: 'x', taskType: 'bpmn:Gateway', fields: [{ name: 'a', type: 'money', label: 'A', required: true }, { name: 'a', type: 'uint', label: 'A', required: true }], multiInstance: { cardinality: 0 } }],
    } as unknown as Workspace;
    expect(problems(bad).map((p) => p.path)).toEqual([
      'taskTemplates[0].label', 'taskTemplates[0].taskType', 'taskTemplates[0].fields[0].type', 'taskTemplates[0].fields[1].name', 'taskTemplates[0].multiInstance.cardinality',
    ]);
  });
});

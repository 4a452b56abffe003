/** 流程设计器的简体中文文字：属性面板开关、检查问题，以及属性面板（bpmn-js 模板）的文字。 */
import { consortiumZhCN } from './consortium-zh-CN.js';
import type { designerEn } from './designer-en.js';
import { fieldTypesBpmnZhCN } from './field-types-zh-CN.js';
import { propsBpmnZhCN } from './props-zh-CN.js';

export const designerZhCN: typeof designerEn = {
  properties: { show: '属性', hide: '隐藏属性', title: '属性' },
  problems: { lint: '检查', noFile: '工作区', count: '{{count}} 个问题' },
  consortium: consortiumZhCN,
};

export const designerBpmnZhCN: Record<string, string> = {
  General: '常规',
  Name: '名称',
  ID: 'ID',
  Documentation: '文档',
  'Element documentation': '元素文档',
  'Process documentation': '流程文档',
  'Select an element to edit its properties.': '选择一个元素以编辑其属性。',
  'Multiple elements are selected. Select a single one to edit its properties.': '已选择多个元素。请只选择一个以编辑其属性。',
  'Create new list item': '新建条目',
  'Delete item': '删除条目',
  'Toggle section': '展开/折叠',
  'Open popup editor': '打开弹出编辑器',
  Executable: '可执行',
  'Version tag': '版本标签',
  Performer: '执行者',
  Role: '角色',
  '(none)': '（无）',
  '(from lane {lane}: {role})': '（来自泳道 {lane}：{role}）',
  '(the lane name: {name})': '（泳道名称：{name}）',
  '{role} (not a role of the consortium)': '{role}（不是联盟中的角色）',
  'Data fields': '数据字段',
  Type: '类型',
  Label: '标签',
  Required: '必填',
  '<unnamed>': '<未命名>',
  Condition: '条件',
  'Condition (FEEL)': '条件（FEEL）',
  'This is the default flow: a condition here is ignored.': '这是默认流：此处的条件会被忽略。',
  'For example: defects <= 2 and approved': '例如：defects <= 2 and approved',
  'Default flow': '默认流',
  'Taken when no condition holds': '没有条件成立时走此流',
  'One word of letters, digits or _, not starting with a digit': '一个由字母、数字或 _ 组成的词，不能以数字开头',
  'This element already declares a field with this name': '此元素已声明同名字段',
  'Toggle linting overlays': '切换检查标记',
  ...fieldTypesBpmnZhCN,
  ...propsBpmnZhCN,
};

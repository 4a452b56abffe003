/**
 * Strings of bpmn-js's own UI (palette, context pad), keyed by bpmn-js's English template.
 * English needs no entries: the template is the text.
 */
export const bpmnEn: Record<string, string> = {};

export const bpmnZhCN: Record<string, string> = {
  'Activate hand tool': '激活抓手工具',
  'Activate lasso tool': '激活套索工具',
  'Activate create/remove space tool': '激活创建/删除空间工具',
  'Activate global connect tool': '激活全局连接工具',
  'Create start event': '创建开始事件',
  'Create intermediate/boundary event': '创建中间/边界事件',
  'Create end event': '创建结束事件',
  'Create gateway': '创建网关',
  'Create task': '创建任务',
  'Create data object reference': '创建数据对象引用',
  'Create data store reference': '创建数据存储引用',
  'Create expanded sub-process': '创建展开的子流程',
  'Create pool/participant': '创建池/参与者',
  'Create group': '创建组',
  'Append task': '追加任务',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append intermediate/boundary event': '追加中间/边界事件',
  'Append text annotation': '追加文本注释',
  'Add text annotation': '添加文本注释',
  'Add lane above': '在上方添加泳道',
  'Add lane below': '在下方添加泳道',
  'Divide into two lanes': '分成两个泳道',
  'Divide into three lanes': '分成三个泳道',
  'Change element': '更改元素',
  'Change type': '更改类型',
  'Connect to other element': '连接到其他元素',
  'Connect using association': '使用关联连接',
  Delete: '删除',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'User task': '用户任务',
  Task: '任务',
  'Start event': '开始事件',
  'End event': '结束事件',
  'Search in diagram': '在图中搜索',
};

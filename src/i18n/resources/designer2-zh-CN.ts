/** 流程列表（新建、重命名、删除）、问题合并与监管流程的中文文案。 */
import type { designer2En } from './designer2-en.js';

export const designer2ZhCN: typeof designer2En = {
  processes: {
    label: '流程',
    add: '新建流程',
    addTitle: '新建流程',
    name: '流程名称',
    defaultName: '流程 {{n}}',
    create: '创建',
    rename: '重命名',
    renameTitle: '重命名“{{name}}”',
    save: '保存',
    cancel: '取消',
    delete: '删除',
    deleteTitle: '删除流程“{{name}}”？',
    lose: '其流程图、任务和数据字段将从工作区中移除（可撤销恢复）。',
    deployed: '它已部署在当前网络上：合约仍留在链上，但应用不再显示它及其实例，下次部署也不再包含它。',
    last: '这是最后一个流程：在新建流程之前，工作区无法构建。',
    confirmDelete: '删除流程',
    nameRequired: '请输入名称。',
  },
  regulates: {
    label: '监管的流程',
    every: '未关联任何流程：监管全部流程。',
    none: '不监管任何流程：请勾选其监管的流程。',
    some: '只监管已勾选的 {{count}} 个流程；其应用视图只显示这些流程。',
    reset: '监管全部流程',
  },
  regulator: {
    scope: '监管：{{names}}',
    scopeAll: '监管全部流程',
    scopeNone: '不监管任何已部署的流程',
  },
};

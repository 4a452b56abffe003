/** 枚举、小数和参与者字段类型的中文文案：应用表单与取值显示、设计器字段设置。 */
import type { fieldTypesEn } from './field-types-en.js';

export const fieldTypesZhCN: typeof fieldTypesEn = {
  types: {
    enum: '列表选项',
    decimal: '小数',
    participant: '参与者',
  },
  errors: {
    notDecimal: '请输入数字，例如 12.5（不能为负）',
    tooPrecise_one: '最多 {{count}} 位小数：“{{typed}}”超出了',
    tooPrecise_other: '最多 {{count}} 位小数：“{{typed}}”超出了',
    tooPrecise_zero: '请输入整数：“{{typed}}”带有小数',
    notInList: '请选择其中一个值',
  },
  pickValue: '请选择…',
  pickParticipant: '请选择参与者…',
  pickParticipantOfRole: '请选择参与者（{{role}}）…',
  noneOfRole: '没有人担任角色 {{role}}：此字段无法填写',
  scaleHint: '最多 {{count}} 位小数',
};

/** The properties panel's field-type settings (bpmn-js templates, see field-type-entries.ts). */
export const fieldTypesBpmnZhCN: Record<string, string> = {
  Values: '取值',
  'One value per line, in order (Chinese allowed)': '每行一个值，按顺序（可用中文）',
  'Decimals (scale)': '小数位数',
  'Digits after the decimal point, 0–18: the contract keeps the value times 10^scale': '小数点后的位数，0–18：合约保存数值乘以 10^位数',
  'A whole number from 0 to 18': '0 到 18 的整数',
  Unit: '单位',
  'Shown beside inputs and values, e.g. kg or CNY': '显示在输入框和数值旁，例如 kg 或 CNY',
  'Only participants of role': '仅限角色的参与者',
  'Any participant': '任何参与者',
};

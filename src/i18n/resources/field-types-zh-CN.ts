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
  designer: {
    values: '取值',
    valuesHint: '每行一个值，按顺序（可用中文）',
    scale: '小数位数',
    scaleHint: '小数点后的位数，0–18：合约保存数值乘以 10^位数',
    unit: '单位',
    unitHint: '显示在输入框和数值旁，例如 kg 或 CNY',
    role: '仅限角色的参与者',
    anyParticipant: '任何参与者',
  },
};

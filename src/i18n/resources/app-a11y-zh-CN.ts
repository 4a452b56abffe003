/** 协作应用中供辅助技术使用的文字（文本替代）。 */
import type { appA11yEn } from './app-a11y-en.js';

export const appA11yZhCN: typeof appA11yEn = {
  diagramText: '文字说明：已完成：{{done}}。当前进行：{{active}}。尚未开始：{{pending}}。',
  none: '无',
};

/** 任务表单路由预览（src/panels/app/RoutingHints.tsx）的简体中文文字。 */
import type { appRoutingEn } from './app-routing-en.js';

export const appRoutingZhCN: typeof appRoutingEn = {
  hintsLabel: '此值决定的流向',
  goesTo: '流向“{{to}}”',
  state: {
    taken: '当前成立：走此路径',
    'not-taken': '当前不成立',
    unknown: '取决于 {{fields}}',
    reverts: '将在链上失败',
  },
  noBranch: '按这些值，“{{gateway}}”没有可走的路径：其条件均不成立（{{conditions}}），且没有默认路径。该步骤会在链上被拒绝（NoBranchMatches），因此不会发送：请修改这些值。',
  reverts: '按这些值，条件“{{condition}}”会在链上失败（{{detail}}），因此不会发送该步骤：请修改这些值。',
  fromEarlier: '（其中 {{fields}} 来自之前的步骤）',
  defaultTaken: '“{{gateway}}”的条件均不成立：该步骤将走默认路径，流向“{{to}}”。',
};

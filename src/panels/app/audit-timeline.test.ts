import { describe, expect, it } from 'vitest';
import type { AppManifest } from '../../../generators/index.js';
import type { HistoryEntry } from '../../chain/chain-api.js';
import { createI18n } from '../../i18n/i18n.js';
import { auditCsv, auditRows } from './audit-package.js';
import { instanceTimeline, timelineTitle } from './instance-timeline.js';
import type { ProcessEvent } from './process-events.js';

const PLANNER = '0x00000000000000000000000000000000000000a1';

const manifest = {
  workspaceName: '设备维修',
  roles: [{ id: 'Planner', name: '计划员' }, { id: 'Sensor', name: 'Sensor' }],
  organizations: [{ id: 'f', name: '工厂 Plant', index: 0 }],
  participants: [
    { id: 'chen', name: '陈静', kind: 'person', organization: 'f', roles: ['Planner'], address: PLANNER },
    { id: 'press', name: '压力机7号 网关', kind: 'device', organization: 'f', roles: ['Sensor'] },
  ],
  processes: [
    {
      id: 'repair',
      name: '维修 Repair',
      start: { elementId: 'Start', name: 'Fault reported', fields: [{ name: 'machineId', identifier: 'machineId', type: 'string', required: true, label: '设备 Machine' }] },
      tasks: [
        { elementId: 'Service_Diagnose', name: 'Run diagnostics', role: 'Sensor', kind: 'service', fields: [], requestFields: [{ name: 'machineId', identifier: 'machineId', type: 'string', required: true, label: '设备 Machine' }] },
      ],
      scripts: [{ elementId: 'Send_Order', name: 'Order spare part', fields: [], sends: true }],
      subprocesses: [{ elementId: 'Sub_Check', name: '检查 Check', bit: 9 }],
      errorBoundaries: [{ index: 0, elementId: 'Error_Broken', name: 'Broken', subprocessId: 'Sub_Check' }],
    },
  ],
} as unknown as AppManifest;
const process = manifest.processes[0];

// the start (tx 0xaa) asked the device; the send task ran in tx 0xbb; the error was caught in 0xcc
const history: HistoryEntry[] = [
  { kind: 'started', elementId: 'Start', name: 'Fault reported', by: PLANNER, blockNumber: 3, txHash: '0xaa', data: { machineId: 'PRESS-7 压机' } },
  { kind: 'script', elementId: 'Send_Order', name: 'Order spare part', blockNumber: 4, txHash: '0xbb', data: { machineId: 'PRESS-7 压机' } },
  { kind: 'ended', elementId: '', name: 'Ended', blockNumber: 5, txHash: '0xcc', data: {} },
];
const base = { instanceId: 1n, logIndex: 0 };
const events: ProcessEvent[] = [
  { ...base, kind: 'started', elementId: 'Start', by: PLANNER, blockNumber: 3, txHash: '0xaa', values: { machineId: 'PRESS-7 压机' } },
  { ...base, kind: 'requested', elementId: 'Service_Diagnose', blockNumber: 3, txHash: '0xaa', values: { machineId: 'PRESS-7 压机' } },
  { ...base, kind: 'sent', elementId: 'Send_Order', blockNumber: 4, txHash: '0xbb', values: { machineId: 'PRESS-7 压机' } },
  { ...base, kind: 'errorCaught', elementId: 'Error_Broken', boundary: 0, errorCode: 'BROKEN', blockNumber: 5, txHash: '0xcc' },
  { ...base, kind: 'ended', elementId: '', blockNumber: 5, txHash: '0xcc' },
] as ProcessEvent[];

describe('the audit package has the timeline\'s rows and words', () => {
  const timeline = instanceTimeline(manifest, process, history, events, { 3: 1_700_000_000 });

  it('has a row for the service request, the sent message and the caught error, in the timeline\'s order', () => {
    // when the audit rows are built from the instance's timeline
    const t = createI18n('en').t;
    const rows = auditRows(manifest, [{ processId: 'repair', instanceId: 1n, steps: timeline }], (s) => timelineTitle(s, t));

    // then the request follows the start of its tx, and the caught error comes before the end of its tx
    expect(rows.map((r) => [r.step, r.elementId, r.txHash])).toEqual([
      ['started', 'Start', '0xaa'],
      ['requested', 'Service_Diagnose', '0xaa'],
      ['sent', 'Send_Order', '0xbb'],
      ['errorCaught', 'Error_Broken', '0xcc'],
      ['ended', '', '0xcc'],
    ]);
    // and each row says what the timeline says
    expect(rows.map((r) => r.what)).toEqual([
      'Started: Fault reported',
      'Requested from 压力机7号 网关: Run diagnostics',
      'Order spare part sent with:',
      'Error caught by “Broken”: BROKEN · “检查 Check” was left',
      'Ended',
    ]);
    expect(rows.map((r) => r.what)).toEqual(timeline.map((s) => timelineTitle(s, t)));
    // with the request's values as data, and the CSV carries the words in its last column
    expect(rows[1].data).toEqual({ '设备 Machine': 'PRESS-7 压机' });
    expect(auditCsv(rows).split('\r\n')[2].endsWith(',Requested from 压力机7号 网关: Run diagnostics')).toBe(true);
  });

  it('speaks the app\'s language', () => {
    const t = createI18n('zh-CN').t;
    const rows = auditRows(manifest, [{ processId: 'repair', instanceId: 1n, steps: timeline }], (s) => timelineTitle(s, t));
    expect(rows.slice(1, 4).map((r) => r.what)).toEqual(['已向 压力机7号 网关 发出请求：Run diagnostics', '已发送 Order spare part，内容：', '“Broken”捕获错误：BROKEN · 已退出“检查 Check”']);
  });

  it('leaves the words empty when none are given (the rows stay as before)', () => {
    const rows = auditRows(manifest, [{ processId: 'repair', instanceId: 1n, steps: timeline }]);
    expect(rows.every((r) => r.what === '')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../generators/generate-workspace.js';
import type { Workspace } from '../../../generators/model/workspace.js';
import { elementAtLine, lineInRanges, rangesOfElement, type CodeMap } from './element-lines.js';

const sample = JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;

/** The sample plus a second process with Chinese names (its own process id and BPMN ids). */
function twoProcesses(): Workspace {
  const first = sample.processes[0];
  const chinese = first.bpmn
    .replaceAll('id="OrderFulfilment"', 'id="DingDan"')
    .replaceAll('bpmnElement="OrderFulfilment"', 'bpmnElement="DingDan"')
    .replaceAll('processRef="OrderFulfilment"', 'processRef="DingDan"')
    .replace('name="Ship goods"', 'name="发货"')
    .replace('name="Inspect delivery"', 'name="验收 Inspect"');
  return { ...sample, processes: [first, { ...first, id: 'ding-dan', name: '订单履行', bpmn: chinese }] };
}

async function codeMapOf(workspace: Workspace) {
  const generated = await generateWorkspace(workspace);
  expect(generated.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const map: CodeMap = {
    elementLines: generated.elementLines,
    processSources: Object.fromEntries(generated.processes.map((p) => [p.ir.documentId, p.file])),
  };
  const text = (file: string) => generated.sources.find((s) => s.file === file)!.content.split('\n');
  return { map, text, generated };
}

describe('code <-> element mapping', () => {
  it('finds the function of a task in the file of its own process, with Chinese names, among several processes', async () => {
    // given a workspace of two processes, the second with a task named 发货
    const { map, text } = await codeMapOf(twoProcesses());
    // when the element of each process is looked up
    const english = rangesOfElement(map, 'order-fulfilment', 'Task_Ship')!;
    const chinese = rangesOfElement(map, 'ding-dan', 'Task_Ship')!;
    // then each lies in its own process's file and its range holds its function
    expect(english.file).not.toBe(chinese.file);
    const lines = text(chinese.file).slice(chinese.ranges[0].startLine - 1, chinese.ranges[0].endLine);
    expect(lines.some((l) => /^ {4}function faHuo\(/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('    }');
    // and an id the process does not have is not found
    expect(rangesOfElement(map, 'ding-dan', 'Task_Missing')).toBeUndefined();
  });

  it('maps every line of a function back to its element and process, and other lines to nothing', async () => {
    const { map, text } = await codeMapOf(twoProcesses());
    const { file, ranges } = rangesOfElement(map, 'ding-dan', 'Task_Ship')!;
    const [range] = ranges;
    // when lines inside the function are asked about, then they name the task and its process
    for (const line of [range.startLine, Math.floor((range.startLine + range.endLine) / 2), range.endLine])
      expect(elementAtLine(map, file, line)).toEqual({ elementId: 'Task_Ship', processId: 'ding-dan' });
    // the header and pragma lines implement no element
    expect(text(file)[0]).toMatch(/^\/\/ SPDX/);
    expect(elementAtLine(map, file, 1)).toBeUndefined();
    // the start event maps to startInstance
    const start = rangesOfElement(map, 'ding-dan', 'Start_OrderPlaced')!;
    expect(text(file).slice(start.ranges[0].startLine - 1, start.ranges[0].endLine).join('\n')).toContain('function startInstance(');
  });

  it('degrades quietly: an element without code, an unknown process or file, a line out of range', async () => {
    const { map } = await codeMapOf(twoProcesses());
    expect(rangesOfElement(map, 'order-fulfilment', 'End_Fulfilled')).toBeUndefined();
    expect(rangesOfElement(map, 'no-such-process', 'Task_Ship')).toBeUndefined();
    expect(elementAtLine(map, 'Missing.sol', 10)).toBeUndefined();
    expect(elementAtLine(map, map.processSources['order-fulfilment'], 100_000)).toBeUndefined();
    expect(elementAtLine({ elementLines: {}, processSources: {} }, 'X.sol', 1)).toBeUndefined();
  });

  it('tells whether a line is inside the ranges', () => {
    const ranges = [{ elementId: 'A', startLine: 10, endLine: 20 }];
    expect(lineInRanges(ranges, 10)).toBe(true);
    expect(lineInRanges(ranges, 20)).toBe(true);
    expect(lineInRanges(ranges, 21)).toBe(false);
    expect(lineInRanges(ranges, 9)).toBe(false);
  });
});

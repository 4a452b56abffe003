/**
 * Code <-> diagram mapping for the Code panel, pure: which BPMN element a line of a generated file
 * implements, and which lines implement an element. The ranges come from the printer
 * (generators/solidity/print-solidity.ts, `ElementLines`), recorded per file in the same build run
 * as the text they describe, so they always match what the editor shows.
 */
import type { ElementLines } from '../../../generators/solidity/print-solidity.js';

export type { ElementLines };

/** A file's element ranges by file name, and the file of each process (both from build-slice.ts). */
export interface CodeMap {
  elementLines: Record<string, readonly ElementLines[]>;
  processSources: Record<string, string>;
}

/** The element whose function holds `line` (1-based) in `file`; undefined on lines of no element. */
export function elementAtLine(map: CodeMap, file: string, line: number): { elementId: string; processId?: string } | undefined {
  const range = (map.elementLines[file] ?? []).find((r) => line >= r.startLine && line <= r.endLine);
  if (!range) return undefined;
  const processId = Object.keys(map.processSources).find((id) => map.processSources[id] === file);
  return { elementId: range.elementId, processId };
}

/**
 * Where an element of a process is implemented: its process's file and the ranges of its
 * functions there, in line order (an element may have several: a task and its timer trigger).
 * Undefined when the process has no file (it did not generate) or the element no function
 * (an end event, a flow, an element added after the last build).
 */
export function rangesOfElement(map: CodeMap, processId: string, elementId: string): { file: string; ranges: ElementLines[] } | undefined {
  const file = map.processSources[processId];
  if (!file) return undefined;
  const ranges = (map.elementLines[file] ?? []).filter((r) => r.elementId === elementId).sort((a, b) => a.startLine - b.startLine);
  return ranges.length ? { file, ranges } : undefined;
}

/** Whether `line` lies inside one of `ranges` (the cursor is already in the element's code). */
export function lineInRanges(ranges: readonly ElementLines[], line: number): boolean {
  return ranges.some((r) => line >= r.startLine && line <= r.endLine);
}

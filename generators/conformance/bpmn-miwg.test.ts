/**
 * Conformance corpus: the 21 BPMN MIWG reference models (bpmn-miwg/, CC BY 3.0), each read as the
 * CLI reads a .bpmn (a workspace made around it, src/cli/read-input.ts) and generated. Each must
 * either generate and compile, or be refused with located errors; never crash, and never drop a
 * flow node the generator cannot execute: every such node must be named by a problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateWorkspace, hasErrors, type Problem } from '../index.js';
import { readBpmn } from '../bpmn/read-bpmn.js';
import { compileSolidity } from '../compile/solc-node.js';
import type { BpmnFlowNode, BpmnProcess, ModdleElement } from '../bpmn/moddle-types.js';
import { isExecutableNode } from '../ir/report-unexecuted-nodes.js';
import { readInput } from '../../src/cli/read-input.js';

const DIR = new URL('./bpmn-miwg/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.bpmn')).sort();

/** Every flow node of every process in the file, also those nested in sub-processes. */
function flowNodes(root: ModdleElement[]): BpmnFlowNode[] {
  const out: BpmnFlowNode[] = [];
  const visit = (elements: ModdleElement[] | undefined) => {
    for (const e of elements ?? []) {
      if (e.$type === 'bpmn:SequenceFlow' || /Data(Object|Store)/.test(e.$type)) continue;
      out.push(e as BpmnFlowNode);
      visit(e.get('flowElements') as ModdleElement[] | undefined);
    }
  };
  for (const r of root) if (r.$type === 'bpmn:Process') visit((r as BpmnProcess).flowElements);
  return out;
}

interface Outcome { file: string; outcome: string; firstError: string; errors: number; warnings: number; notExecutable: number; unnamed: string[]; unlocated: Problem[] }
const outcomes: Outcome[] = [];

describe('the BPMN MIWG reference models', () => {
  it('has all 21 files with their license', () => {
    expect(FILES).toHaveLength(21);
    expect(readFileSync(new URL('LICENSE.txt', DIR), 'utf8')).toContain('Creative Commons');
  });

  it.each(FILES)('%s generates and compiles, or is refused naming every element it cannot execute', async (file) => {
    const path = fileURLToPath(new URL(file, DIR));
    const read = await readBpmn(readFileSync(path, 'utf8'), file);
    const nodes = flowNodes(read.definitions?.rootElements ?? []).filter((n) => !isExecutableNode(n));
    const input = await readInput(path);
    const problems = [...input.problems];
    let outcome: string;
    if (input.workspace && !hasErrors(problems)) {
      const generated = await generateWorkspace(input.workspace);
      problems.push(...generated.problems);
      if (hasErrors(problems)) outcome = 'refused';
      else {
        const compiled = await compileSolidity(generated.sources);
        expect(compiled.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        outcome = 'compiles';
      }
    } else outcome = 'refused (workspace)';
    const named = new Set(problems.map((p) => p.elementId));
    const row: Outcome = {
      file, outcome, firstError: problems.find((p) => p.severity === 'error')?.message.replace(/\s+/g, ' ').slice(0, 90) ?? '', errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length,
      notExecutable: nodes.length, unnamed: nodes.filter((n) => !named.has(n.id)).map((n) => `${n.id} (${n.$type.replace('bpmn:', '')})`),
      unlocated: problems.filter((p) => !p.elementId && !p.path),
    };
    outcomes.push(row);
    expect(row.unlocated).toEqual([]);
    expect(row.unnamed).toEqual([]);
    if (outcome !== 'compiles') expect(row.errors).toBeGreaterThan(0);
  });

  it('prints the per-file outcome', () => {
    const lines = ['| file | outcome | errors | warnings | non-executable flow nodes | first error |', '| --- | --- | --- | --- | --- | --- |',
      ...outcomes.sort((a, b) => a.file.localeCompare(b.file)).map((o) => `| ${o.file} | ${o.outcome} | ${o.errors} | ${o.warnings} | ${o.notExecutable} | ${o.firstError.replace(/\|/g, '\\|')} |`)];
    console.log(`BPMN MIWG conformance\n${lines.join('\n')}`);
    expect(outcomes).toHaveLength(FILES.length);
  });
});

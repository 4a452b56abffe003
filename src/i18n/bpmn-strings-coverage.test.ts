/**
 * Every text our bpmn-js modules and properties entries pass to bpmn-js's translate (a literal
 * `translate('…')` in src/panels/process) has a zh-CN entry, and so does every built-in task
 * template's label, task name, field label and documentation: a Chinese user never meets English.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerBpmnZhCN } from './resources/designer-zh-CN.js';
import { bpmnStrings } from './i18n.js';
import { TASK_TEMPLATES } from '../panels/process/properties/task-templates.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('bpmn-js strings in zh-CN', () => {
  const zh = { ...bpmnStrings('zh-CN'), ...designerBpmnZhCN };

  it('covers every literal our modules and entries translate', () => {
    const root = new URL('../panels/process', import.meta.url).pathname;
    const used = new Set(sources(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/translate\('((?:[^'\\]|\\.)+)'/g)].map((m) => m[1].replace(/\\'/g, "'"))));
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((text) => !(text in zh))).toEqual([]);
  });

  it('covers the built-in task templates', () => {
    const texts = TASK_TEMPLATES.flatMap((t) => [t.label, t.name, ...t.fields.map((f) => f.label), ...(t.documentation ? [t.documentation] : [])]);
    expect([...new Set(texts)].filter((text) => !(text in zh))).toEqual([]);
  });
});

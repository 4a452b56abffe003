/**
 * Drives the compiler worker from a bare page (compiler-harness.html) so e2e/compiler.spec.ts
 * can test it apart from the IDE. Exposes `window.compilerHarness` for the spec and renders a
 * plain-text summary a person can read.
 */
import fixture from '../../generators/compile/fixtures/supply-order.sol?raw';
import type { CompileResult, CompilerSettings, SourceFile } from '../../generators/compile/compile-types.js';
import { createCompilerClient } from './compiler-client.js';

const client = createCompilerClient();

function element<T extends HTMLElement>(testId: string): T {
  const found = document.querySelector<T>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`compiler-harness.html has no [data-testid="${testId}"]`);
  return found;
}

/** One line per diagnostic (`file:line:column severity message`), then one per contract. */
export function summarize(result: CompileResult): string {
  const lines = [`ok: ${result.ok} (${result.elapsedMs} ms, solc ${result.compilerVersion})`];
  for (const d of result.diagnostics) {
    lines.push(`${d.file ?? '-'}:${d.line ?? '-'}:${d.column ?? '-'} ${d.severity} ${d.message}`);
  }
  for (const [file, contracts] of Object.entries(result.contracts)) {
    for (const [name, artifact] of Object.entries(contracts)) {
      const functions = artifact.abi
        .filter((entry) => (entry as { type?: string }).type === 'function')
        .map((entry) => (entry as { name: string }).name);
      lines.push(`${file}:${name} bytecode ${(artifact.bytecode.length - 2) / 2} bytes, functions ${functions.join(', ')}`);
    }
  }
  return lines.join('\n');
}

const source = element<HTMLTextAreaElement>('compiler-source');
const output = element<HTMLPreElement>('compiler-result');
const status = element<HTMLSpanElement>('compiler-status');
source.value = fixture;
client.onStatusChange((next) => (status.textContent = next));

element('compiler-compile').addEventListener('click', async () => {
  output.textContent = 'compiling…';
  output.textContent = summarize(await client.compile([{ file: 'Contract.sol', content: source.value }]));
});
element('compiler-warm-up').addEventListener('click', async () => {
  const warm = await client.warmUp();
  output.textContent = warm.ok ? `solc ${warm.compilerVersion} loaded in ${warm.loadMs} ms` : warm.error;
});

declare global {
  interface Window {
    compilerHarness: {
      fixture: string;
      compile(sources: SourceFile[], settings?: CompilerSettings): Promise<CompileResult>;
      warmUp: typeof client.warmUp;
      status(): string;
    };
  }
}

window.compilerHarness = {
  fixture,
  compile: (sources, settings) => client.compile(sources, settings),
  warmUp: () => client.warmUp(),
  status: () => client.status,
};

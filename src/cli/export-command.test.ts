/** `export` as users meet it: a separate process, its exit code, stdout and stderr, the files it writes. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = 'generators/samples/order-fulfilment/workspace.json';
const scratch = mkdtempSync(join(tmpdir(), 'chainflow-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe.concurrent('chainflow CLI export', () => {
  it('writes the sources bundle by default and prints a stable summary with --json', async () => {
    const out = join(scratch, 'sources');
    const { code, stdout } = await cli('export', SAMPLE, '--out', out, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual(['ok', 'out', 'format', 'files']);
    expect(summary).toMatchObject({ ok: true, out, format: 'sources' });
    expect(summary.files).toEqual([...summary.files].sort());
    for (const f of ['OrderFulfilment.sol', 'OrderFulfilment.abi.json', 'OrderFulfilment.bin', 'OrderFulfilment.deployed.bin', 'standard-json-input.json', 'compiler.json', 'manifest.json'])
      expect(summary.files).toContain(f);
    expect(readFileSync(join(out, 'OrderFulfilment.sol'), 'utf8')).toMatch(/^\/\/ SPDX-License-Identifier/);
  });

  it('writes a Hardhat project into nested folders', async () => {
    const out = join(scratch, 'hardhat');
    const { code, stdout } = await cli('export', SAMPLE, '--out', out, '--format', 'hardhat');
    expect(code).toBe(0);
    expect(stdout).toMatch(/exported a Hardhat project of "Order fulfilment" into .* \(\d+ files\)/);
    expect(readFileSync(join(out, 'test', 'helpers', 'consortium.ts'), 'utf8')).toContain('export async function deployConsortium');
  });

  it('refuses a bad command line with exit code 2 and writes nothing', async () => {
    const badFormat = await cli('export', SAMPLE, '--out', join(scratch, 'never'), '--format', 'truffle');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be sources or hardhat, not "truffle"');
    const noOut = await cli('export', SAMPLE);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('export needs --out DIR');
  });

  it('never overwrites a folder that holds something, unless --force', async () => {
    // given a folder with someone's work in it
    const out = join(scratch, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), 'mine');
    // when exported into it, then nothing is written and the exit code is 2
    const refused = await cli('export', SAMPLE, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not empty');
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine');
    const forced = await cli('export', SAMPLE, '--out', out, '--force');
    expect(forced.code).toBe(0);
  });

  it('exits 1 with located problems when the model has errors', async () => {
    const broken = join(scratch, 'broken.bpmn');
    writeFileSync(broken, '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"><bpmn:startEvent id="S"/></bpmn:process></bpmn:definitions>');
    const { code, stdout, stderr } = await cli('export', broken, '--out', join(scratch, 'broken-out'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).ok).toBe(false);
    expect(stderr).toMatch(/broken\.bpmn/);
  });
});

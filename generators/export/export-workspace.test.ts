import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import solc from 'solc';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../src/cli/node-toolchain.js';
import { readInput } from '../../src/cli/read-input.js';
import { DEFAULT_COMPILER_SETTINGS } from '../compile/compile-types.js';
import { exportHardhat, exportSources, explorerCompilerVersion, type CompiledWorkspace } from './index.js';

async function compiled(path: string): Promise<CompiledWorkspace> {
  const read = await readInput(path);
  const built = await buildWorkspace(read.workspace!);
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { workspace: read.workspace!, generated: built.generated, compiled: built.compiled!, manifest: built.manifest! };
}

let sample: CompiledWorkspace;
beforeAll(async () => {
  sample = await compiled(new URL('../samples/order-fulfilment/workspace.json', import.meta.url).pathname);
});

describe('the sources bundle', () => {
  it('holds each .sol byte for byte as compiled, and per contract ABI, creation and deployed bytecode', () => {
    const files = exportSources(sample);
    for (const s of sample.generated.sources) expect(files[s.file]).toBe(s.content);
    expect(files['OrderFulfilment.bin']).toBe(`${sample.manifest.processes[0].bytecode}\n`);
    expect(files['ConsortiumRegistry.bin']).toBe(`${sample.manifest.registry.bytecode}\n`);
    expect(JSON.parse(files['OrderFulfilment.abi.json'])).toEqual(sample.manifest.processes[0].abi);
    expect(files['OrderFulfilment.deployed.bin']).toBe(`${sample.compiled.contracts['OrderFulfilment.sol'].OrderFulfilment.deployedBytecode}\n`);
    expect(files['IRoleSink.bin']).toBeUndefined(); // an interface has no code
    expect(JSON.parse(files['manifest.json'])).toEqual(sample.manifest);
  });

  it('gives the exact standard JSON input: solc compiles it to the deployed bytecode', () => {
    // given the exported input, when the npm solc compiles it on its own
    const files = exportSources(sample);
    const input = JSON.parse(files['standard-json-input.json']);
    expect(input.settings).toMatchObject({ evmVersion: 'cancun', optimizer: DEFAULT_COMPILER_SETTINGS.optimizer });
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    // then the bytecode is the one the IDE deploys, so an explorer verifies it
    expect(`0x${output.contracts['OrderFulfilment.sol'].OrderFulfilment.evm.bytecode.object}`).toBe(sample.manifest.processes[0].bytecode);
    const compiler = JSON.parse(files['compiler.json']);
    expect(compiler.explorerCompilerVersion).toMatch(/^v0\.8\.37\+commit\.[0-9a-f]{8}$/);
    expect(compiler.contracts.map((c: { fullyQualifiedName: string }) => c.fullyQualifiedName)).toEqual(['ConsortiumRegistry.sol:ConsortiumRegistry', 'OrderFulfilment.sol:OrderFulfilment']);
  });

  it('names solc builds as explorers do', () => {
    expect(explorerCompilerVersion('0.8.37+commit.a1b2c3d4.Emscripten.clang')).toBe('v0.8.37+commit.a1b2c3d4');
    expect(explorerCompilerVersion('something else')).toBe('something else');
  });
});

describe('the Hardhat project', () => {
  it('carries the contracts byte for byte, the lock file verbatim and the studio compiler settings', () => {
    const files = exportHardhat(sample);
    for (const s of sample.generated.sources) expect(files[`contracts/${s.file}`]).toBe(s.content);
    const template = (name: string) => readFileSync(new URL(`./hardhat-template/${name}`, import.meta.url), 'utf8');
    expect(files['package-lock.json']).toBe(template('package-lock.json'));
    // npm ci refuses a package.json whose dependencies differ from the lock file's
    const pkg = JSON.parse(files['package.json']);
    const lock = JSON.parse(files['package-lock.json']);
    expect(pkg.devDependencies).toEqual(JSON.parse(template('package.json')).devDependencies);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
    expect(Object.values(pkg.devDependencies).every((v) => /^\d+\.\d+\.\d+$/.test(v as string))).toBe(true);
    expect(pkg.devDependencies.hardhat).toMatch(/^3\./);
    expect(pkg.engines.node).toBe('>=22.13');
    expect(files['hardhat.config.ts']).toContain('version: "0.8.37"');
    expect(files['hardhat.config.ts']).toContain(`settings: ${JSON.stringify({ evmVersion: 'cancun', optimizer: DEFAULT_COMPILER_SETTINGS.optimizer })}`);
  });

  it('deploys every participant and attaches every process in the Ignition module', () => {
    const module = exportHardhat(sample)['ignition/modules/Consortium.ts'];
    for (const p of sample.manifest.participants) expect(module).toContain(`id: ${JSON.stringify(p.id)}`);
    // 王芳 Wang Fang: organization 1 (manufacturer), role Buyer = bit 0
    expect(module).toContain('key: "wangFang", organization: 1, roles: 1n');
    expect(module).toContain('m.call(registry, "attachProcess", [OrderFulfilment]');
  });

  it('writes a test per conforming path and a negative test per process', () => {
    const test = exportHardhat(sample)['test/OrderFulfilment.ts'];
    const its = test.match(/^ {2}it\(/gm)!;
    expect(its.length).toBeGreaterThanOrEqual(3);
    expect(test).toContain('revertedWithCustomError(contract, "CallerLacksRole").withArgs(c.outsider.address, "Confirm order", "Sales")');
    expect(test).toContain('.to.emit(contract, "InstanceEnded").withArgs(id)');
    // the rework loop is driven by the data: more than 2 defects once
    expect(test).toMatch(/inspectDelivery\(id, [3-9]n\)/);
  });

  it('exports a .bpmn with Chinese names, identifiers in pinyin, names kept in tests', async () => {
    const xml = readFileSync(new URL('../samples/plain-lanes/purchase-request.bpmn', import.meta.url), 'utf8')
      .replace(/name="Purchase request"/g, 'name="采购申请"').replace('name="Submit request"', 'name="提交申请"').replace('name="Employee"', 'name="员工"');
    const dir = mkdtempSync(join(tmpdir(), 'chainflow-zh-'));
    writeFileSync(join(dir, '采购申请.bpmn'), xml);
    const files = await compiled(join(dir, '采购申请.bpmn')).then(exportHardhat).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(Object.keys(files)).toContain('contracts/CaiGouShenQing.sol');
    expect(Object.keys(files).every((f) => /^[\x20-\x7e]+$/.test(f))).toBe(true);
    expect(files['test/CaiGouShenQing.ts']).toContain('describe("采购申请 (CaiGouShenQing)"');
    expect(files['test/CaiGouShenQing.ts']).toContain('"CallerLacksRole").withArgs(c.outsider.address, "提交申请", "员工")');
  });
});

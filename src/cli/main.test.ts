/**
 * The CLI as users meet it: a separate process, its exit code, stdout and stderr (README.md,
 * "Command line"). The cases run concurrently: each spawn pays tsx and solc start-up.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLAIN = 'generators/samples/plain-lanes/purchase-request.bpmn';
const PLAIN_TRACE = 'generators/samples/plain-lanes/purchase-request.trace.json';
const SAMPLE = 'generators/samples/order-fulfilment/workspace.json';

const scratch = mkdtempSync(join(tmpdir(), 'chainflow-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, CHAINFLOW_DEBUG: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.concurrent('chainflow CLI', () => {
  it('compiles a plain lanes-only .bpmn and writes sources, ABIs, bytecode and the manifest', async () => {
    // given a plain BPMN file (no extension, no layout) and an empty output folder
    const out = join(scratch, 'compiled');
    // when compiled with --json
    const { code, stdout } = await cli('compile', PLAIN, '--out', out, '--json');
    // then it succeeds and says what it wrote
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ ok: true, out, contracts: ['ConsortiumRegistry', 'PurchaseRequest'], warnings: [] });
    expect(summary.compiler.version).toMatch(/^0\.8\.37\+commit/);
    const files = ['ConsortiumRegistry.sol', 'PurchaseRequest.sol', 'ConsortiumRegistry.abi.json', 'ConsortiumRegistry.bin', 'PurchaseRequest.abi.json', 'PurchaseRequest.bin', 'manifest.json'];
    expect([...summary.files].sort()).toEqual([...files].sort());
    for (const f of files) expect(existsSync(join(out, f)), f).toBe(true);
    // and the lanes became the roles of the tasks
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.roles.map((r: { name: string }) => r.name)).toEqual(['Employee', 'Manager', 'Purchasing']);
    expect(manifest.processes[0].tasks.map((t: { name: string; role: string }) => `${t.name}: ${t.role}`)).toEqual([
      'Submit request: Employee', 'Approve request: Manager', 'Place order: Purchasing',
    ]);
    expect(readFileSync(join(out, 'PurchaseRequest.bin'), 'utf8')).toMatch(/^0x[0-9a-f]+\n$/);
  }, 60_000);

  it('runs a trace with --json and prints the documented shape', async () => {
    const { code, stdout, stderr } = await cli('run', PLAIN, '--trace', PLAIN_TRACE, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['deployGas', 'enabled', 'ended', 'instanceId', 'steps']);
    expect(result).toMatchObject({ ended: true, instanceId: '1', enabled: [] });
    expect(result.deployGas).toBeGreaterThan(100_000);
    expect(result.steps.map((s: Record<string, unknown>) => [s.task, s.as, s.status, s.expected])).toEqual([
      ['start', 'Employee', 'ok', 'ok'],
      ['Submit request', 'Employee', 'ok', 'ok'],
      ['Approve request', 'Purchasing', 'reverted', 'revert'],
      ['Approve request', 'Manager', 'ok', 'ok'],
      ['Place order', 'Purchasing', 'ok', 'ok'],
    ]);
    for (const s of result.steps) {
      if (s.status === 'ok') expect(s.gasUsed).toBeGreaterThan(21_000);
      else expect(s).toMatchObject({ gasUsed: null, reason: 'Only a participant with the role Manager may do "Approve request"; Purchasing (dev) does not have it.' });
    }
  }, 60_000);

  it('runs the field-types trace: decimals as text, an enum by its value, a participant by name', async () => {
    const { code, stdout } = await cli('run', 'generators/samples/quality-inspection/workspace.json', '--trace', 'generators/samples/quality-inspection/inspection.trace.json', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.ended).toBe(true);
    expect(result.steps.map((s: Record<string, unknown>) => s.status)).toEqual(['reverted', 'ok', 'ok', 'ok', 'ok', 'ok']);
    // the inspector named by name is refused in words when they lack the field's role
    expect(result.steps[0].reason).toBe('"Inspector" must name a participant with the role Inspector; 刘洋 Liu Yang does not have it.');
  }, 60_000);

  it('runs a collaboration of three executable pools: a message that arrives before its receiver waits is kept and received once it does; the instance ends', async () => {
    const { code, stdout } = await cli('run', 'generators/samples/supply-chain-finance/workspace.json', '--trace', 'generators/samples/supply-chain-finance/financed-delivery.trace.json', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.steps.map((s: Record<string, unknown>) => s.status)).toEqual(['ok', 'ok', 'reverted', 'ok', 'ok', 'ok', 'ok']);
    // the carrier's delivery reached the bank while it assessed; approving it received the message at once
    expect(result.enabled).toEqual([]);
    expect(result.ended).toBe(true);
  }, 60_000);

  it('runs a trace whose steps set block time: --json adds blockTime to those steps only, the text says when', async () => {
    const args = ['run', 'generators/samples/inspection-round/workspace.json', '--trace', 'generators/samples/inspection-round/daily-round.trace.json'];
    const [json, text] = await Promise.all([cli(...args, '--json'), cli(...args)]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(Object.keys(result).sort()).toEqual(['deployGas', 'enabled', 'ended', 'instanceId', 'steps']);
    expect(result.steps.map((s: Record<string, unknown>) => [s.task, s.status, s.blockTime])).toEqual([
      ['start', 'reverted', 1_767_222_000], ['start', 'ok', 1_767_225_600], ['start', 'reverted', 1_767_229_200], ['巡检设备', 'ok', undefined],
      ['8小时未修复', 'reverted', 1_767_254_400], ['8小时未修复', 'ok', 1_767_258_000], ['厂长处理', 'ok', undefined], ['start', 'ok', 1_767_312_000],
    ]);
    expect(Object.keys(result.steps[3]).sort()).toEqual(['as', 'expected', 'gasUsed', 'status', 'task']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ok\s+2\. start as zhao-lei \(赵磊 Zhao Lei\) at 2026-01-01T00:00:00Z: done, gas [\d,]+$/m);
    expect(text.stdout).toContain('instance #2 has not ended; waiting for: 巡检设备');
  }, 60_000);

  it('exits 1 when a step does not behave as the trace expects', async () => {
    // given a trace that picks a flow that does not exist and expects a revert (a mistake in the
    // trace, not a revert), then expects the rightful manager to be refused
    const trace = join(scratch, 'wrong.trace.json');
    writeFileSync(trace, JSON.stringify([
      { task: 'start', as: 'Employee' },
      { task: 'Submit request', as: 'Employee' },
      { task: 'Approve request', as: 'Manager', choose: 'Maybe', expect: 'revert' },
      { task: 'Approve request', as: 'Manager', choose: 'No', expect: 'revert' },
    ]));
    const { code, stdout } = await cli('run', PLAIN, '--trace', trace);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ok\s+2\. Submit request/m);
    expect(stdout).toContain('FAIL  3. Approve request as Manager (Manager (dev)): reverted: "Maybe" is not an outgoing flow here (options: Yes, No) (expected revert)');
    expect(stdout).toMatch(/^FAIL\s+4\. Approve request as Manager \(Manager \(dev\)\): done, gas [\d,]+ \(expected revert\)$/m);
    // choosing the default flow "No" by its name ended the instance
    expect(stdout).toContain('instance #1 ended');
  }, 60_000);

  it('exits 1 on a broken model, printing `file: element id: message` lines and no stack trace', async () => {
    // given the plain process with a lane-less task and a complex gateway (not executable)
    const xml = readFileSync(join(ROOT, PLAIN), 'utf8')
      .replace('<bpmn:flowNodeRef>Task_Order</bpmn:flowNodeRef>', '')
      .replace('<bpmn:exclusiveGateway id="Gateway_Approved"', '<bpmn:complexGateway id="Gateway_Approved"')
      .replace('</bpmn:exclusiveGateway>', '</bpmn:complexGateway>');
    const broken = join(scratch, 'broken.bpmn');
    writeFileSync(broken, xml);
    const { code, stdout, stderr } = await cli('compile', broken, '--out', join(scratch, 'never'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toContain('processes[0] broken.bpmn: Task_Order: task "Place order" has no role: put it in a lane or give it a cf:role');
    expect(lines.some((l) => l.startsWith('processes[0] broken.bpmn: Gateway_Approved: complex gateway "Approved?" is not executable yet'))).toBe(true);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  }, 60_000);

  it('exits 1 with the reason when the input cannot be read', async () => {
    const missing = await cli('compile', 'no/such/workspace.json', '--out', join(scratch, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^workspace\.json: cannot read: ENOENT/);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it.each([
    ['no command', []],
    ['compile without --out', ['compile', SAMPLE, '--json']],
  ])('exits 2 with the usage on %s', async (_, args) => {
    const { code, stdout, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage:');
    expect(stderr).toContain('compile <workspace.json | process.bpmn> --out DIR [--json]');
  }, 60_000);
});

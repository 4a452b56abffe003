/**
 * npm run bench:gas [-- --json]
 * Gas of the generated contracts on the samples' conforming traces: deployment (registry and
 * process contracts), gas per process instance (sum over one complete trace, instance creation
 * included), and per task transaction the overhead beyond what any call pays (gas used minus
 * 21,000 and the calldata cost). The generator issue adds its benchmark processes here.
 */
import { readFileSync } from 'node:fs';
import { withDevAddresses } from '../src/cli/dev-keys.js';
import { buildWorkspace } from '../src/cli/node-toolchain.js';
import { readInput } from '../src/cli/read-input.js';
import { parseTrace, runTrace } from '../src/cli/run-trace.js';

const BENCHMARKS = [
  {
    name: 'Order fulfilment (sample)',
    workspace: 'generators/samples/order-fulfilment/workspace.json',
    trace: 'generators/samples/order-fulfilment/happy-path.trace.json',
  },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

const rows = [];
for (const b of BENCHMARKS) {
  const read = await readInput(b.workspace);
  if (!read.workspace) throw new Error(`${b.workspace}: ${read.problems.map((p) => p.message).join('; ')}`);
  const workspace = withDevAddresses(read.workspace);
  const built = await buildWorkspace(workspace);
  if (!built.manifest) throw new Error(`${b.name}: ${built.problems.map((p) => p.message).join('; ')}`);
  const steps = parseTrace(JSON.parse(readFileSync(b.trace, 'utf8'))).filter((s) => s.expect !== 'revert');
  const result = await runTrace(workspace, built.manifest, steps);
  if (!result.ok || !result.ended) throw new Error(`${b.name}: the trace did not complete the instance`);
  const [start, ...tasks] = result.steps;
  const overheads = tasks.map((s) => s.gasUsed! - s.intrinsicGas!);
  rows.push({
    benchmark: b.name,
    deployGas: result.deployGas,
    instanceGas: result.steps.reduce((sum, s) => sum + (s.gasUsed ?? 0), 0),
    creationGas: start.gasUsed!,
    tasks: tasks.length,
    medianTaskGas: median(tasks.map((s) => s.gasUsed!)),
    medianTaskOverhead: median(overheads),
    maxTaskOverhead: Math.max(...overheads),
  });
}

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ benchmark: 'gas', rows })}\n`);
} else {
  const fmt = (n: number) => n.toLocaleString('en-US');
  console.log('| benchmark | deploy gas | gas per instance | creation | tasks | median task gas | median overhead | max overhead |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.benchmark} | ${fmt(r.deployGas)} | ${fmt(r.instanceGas)} | ${fmt(r.creationGas)} | ${r.tasks} | ${fmt(r.medianTaskGas)} | ${fmt(r.medianTaskOverhead)} | ${fmt(r.maxTaskOverhead)} |`);
  console.log('overhead = gas used - 21,000 - calldata cost; instance gas includes creation (startInstance).');
}

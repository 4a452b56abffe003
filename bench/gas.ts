/**
 * npm run bench:gas [-- --json]
 * Gas of the generated contracts on the benchmark processes (bench/processes/) and the sample:
 * deployment (the process contract alone; the registry, deployed once per consortium, and
 * attaching the process apart), gas per process instance (the sum over one complete conforming
 * trace, instance creation included; the second instance of two, see measure-gas.ts), creation
 * gas, and the median overhead of a task transaction (gas used - 21,000 - calldata cost), beside
 * the scale reference and the published figures. A table, never a timed test.
 */
import { DEFAULT_COMPILER_SETTINGS, SOLC_VERSION } from '../generators/compile/compile-types.js';
import { COMPILER_SETTINGS_MEASURED, CREATION_FLOOR, creationFloor, GAS_BENCHMARKS, PUBLISHED_INCIDENT_MANAGEMENT, REFERENCE, referencePerInstance, TARGETS } from './gas-benchmarks.js';
import { measureBenchmark, type GasRow } from './measure-gas.js';

const rows: (GasRow & { referencePerInstance: number; shareOfReference: number; meetsTargets: Record<string, boolean> })[] = [];
for (const b of GAS_BENCHMARKS) {
  const row = await measureBenchmark(b);
  const reference = referencePerInstance(row.tasks);
  rows.push({
    ...row,
    referencePerInstance: reference,
    shareOfReference: Math.round((row.instanceGas / reference) * 1000) / 1000,
    meetsTargets: {
      instance: row.instanceGas <= reference * TARGETS.instanceShareOfReference,
      medianTaskOverhead: row.medianTaskOverhead <= TARGETS.medianTaskOverhead,
      creation: row.creationGas <= TARGETS.creation,
      processDeploy: row.processDeployGas < TARGETS.processDeploy,
    },
  });
}
const compiler = { solc: SOLC_VERSION, ...DEFAULT_COMPILER_SETTINGS };

if (process.argv.includes('--json')) {
  const notes = Object.fromEntries(GAS_BENCHMARKS.map((b) => [b.name, b.note]));
  process.stdout.write(`${JSON.stringify({ benchmark: 'gas', compiler, reference: REFERENCE, targets: TARGETS, publishedIncidentManagement: PUBLISHED_INCIDENT_MANAGEMENT, notes, creationFloor: CREATION_FLOOR, compilerSettingsMeasured: COMPILER_SETTINGS_MEASURED, rows })}\n`);
} else {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const ok = (pass: boolean) => (pass ? '' : ' ✗');
  console.log(`solc ${compiler.solc}, evmVersion ${compiler.evmVersion}, optimizer ${compiler.optimizer.enabled ? `${compiler.optimizer.runs} runs` : 'off'}\n`);
  console.log('| benchmark | process deploy | registry deploy | attach | tasks | creation | gas per instance | reference per instance | share | median task gas | median overhead | max overhead |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const t = r.meetsTargets;
    console.log(`| ${r.benchmark} | ${fmt(r.processDeployGas)}${ok(t.processDeploy)} | ${fmt(r.registryDeployGas)} | ${fmt(r.attachGas)} | ${r.tasks} | ${fmt(r.creationGas)}${ok(t.creation)} | ${fmt(r.instanceGas)}${ok(t.instance)} | ${fmt(r.referencePerInstance)} | ${r.shareOfReference.toFixed(2)} | ${fmt(r.medianTaskGas)} | ${fmt(r.medianTaskOverhead)}${ok(t.medianTaskOverhead)} | ${fmt(r.maxTaskOverhead)} |`);
  }
  console.log('\nIncident management, published gas per instance (other engines; creation included):');
  const ours = rows.find((r) => r.benchmark === 'Incident management');
  for (const p of PUBLISHED_INCIDENT_MANAGEMENT) console.log(`  ${p.source.padEnd(44)} ${fmt(p.gasPerInstance).padStart(10)}`);
  if (ours) console.log(`  ${'ChainFlow Studio (this build)'.padEnd(44)} ${fmt(ours.instanceGas).padStart(10)}`);
  console.log(`
Notes:
- gas per instance: one complete conforming trace, creation included; the SECOND of two instances run back to back
  (the first also pays one-time storage writes of the process: first instance ${rows.map((r) => `${r.benchmark} ${fmt(r.firstInstanceGas)}`).join(', ')}).
- reference per instance: a 2017-technique bit-array compiler, one contract per instance, no data, no events:
  ${fmt(REFERENCE.deployPerInstance)} to deploy each instance + ${fmt(REFERENCE.perTask)} x tasks in the trace. Target: at most ${TARGETS.instanceShareOfReference} of it (share column).
- overhead = gas used - 21,000 - calldata cost. Targets: median overhead <= ${fmt(TARGETS.medianTaskOverhead)}, creation <= ${fmt(TARGETS.creation)}, process deploy < ${fmt(TARGETS.processDeploy)}; ✗ marks a miss.
- creation floor: ${fmt(CREATION_FLOOR.intrinsic)} intrinsic + ${fmt(CREATION_FLOOR.counter)} instance counter (cold SLOAD + SSTORE) + ${fmt(CREATION_FLOOR.newSlot)} the new instance's state word
  (zero to nonzero, cold) + ${fmt(CREATION_FLOOR.roleCheck)} the caller's role (cold SLOAD) + ${fmt(CREATION_FLOOR.event)} InstanceStarted (LOG3) = ${fmt(creationFloor())} before calldata, the event's data
  and any execution: creation <= ${fmt(TARGETS.creation)} would need dropping the counter (ids 1..instanceCount are public) or the event.
- compiler settings (chosen: legacy pipeline, optimizer ${compiler.optimizer.runs} runs), measured against it on these rows:
${COMPILER_SETTINGS_MEASURED.map((m) => `  ${m}`).join('\n')}.
- the registry is deployed once per consortium; attach = attachProcess (pushes every member's roles into the process).
- other processes of a workspace (deployed and attached as contracts of their own, e.g. processes that the traced one calls): ${rows.filter((r) => r.otherProcessesDeployGas).map((r) => `${r.benchmark} ${fmt(r.otherProcessesDeployGas)}`).join(', ') || 'none'}.
${GAS_BENCHMARKS.filter((b) => b.note).map((b) => `- ${b.name}: ${b.note}.`).join('\n')}`);
}

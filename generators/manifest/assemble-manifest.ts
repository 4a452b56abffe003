/**
 * Generator output + compiler output -> the app manifest that the collaboration app, the deploy
 * step and the CLI drive the contracts with. Fails (returns problems) when a contract the
 * manifest needs did not compile.
 */
import { error, warning, type Problem } from '../problems.js';
import type { Workspace } from '../model/workspace.js';
import type { CompileResult } from '../compile/compile-types.js';
import type { GenerateOutput } from '../generate-workspace.js';
import { REGISTRY_CONTRACT } from '../solidity/build-registry-contract.js';
import type { FieldWrite, GatewayIR, ProcessIR, StartTimerIR, TaskIR } from '../ir/process-ir.js';
import { MANIFEST_VERSION, type AppManifest, type ChoiceManifest, type FieldManifest, type RoleBindingManifest, type ScriptManifest, type TaskManifest, type TimerManifest, type SubprocessManifest, type ErrorBoundaryManifest, type StartTimerManifest } from './app-manifest.js';
import { requestEventName } from '../solidity/add-message-events.js';
import { BOUND_TO } from '../solidity/add-role-bindings.js';
import { scriptEventName } from '../solidity/add-script-tasks.js';

function startTimerOf(t: StartTimerIR): StartTimerManifest {
  return {
    definition: t.definition, expression: t.text, firstDueAt: t.firstDueAt, periodSeconds: t.periodSeconds,
    ...(t.rounds !== undefined ? { rounds: t.rounds } : {}), nextDueFunction: 'nextStartDueAt',
  };
}

export function assembleManifest(
  workspace: Workspace,
  generated: GenerateOutput,
  compiled: CompileResult,
): { manifest?: AppManifest; problems: Problem[] } {
  const problems: Problem[] = [];
  const artifact = (file: string, name: string) => {
    const a = compiled.contracts[file]?.[name];
    if (!a) problems.push(error(`contract ${name} did not compile`, { file }));
    return a;
  };
  const registry = artifact(`${REGISTRY_CONTRACT}.sol`, REGISTRY_CONTRACT);
  if (registry) problems.push(...sizeWarnings(`${REGISTRY_CONTRACT}.sol`, REGISTRY_CONTRACT, registry.deployedBytecode));
  const processes = generated.processes.map(({ ir, file }) => {
    const a = artifact(file, ir.contractName);
    if (a) problems.push(...sizeWarnings(file, ir.contractName, a.deployedBytecode, ir.name));
    const document = workspace.processes.find((p) => p.id === ir.documentId)!;
    return {
      id: ir.documentId, processId: ir.processId, name: ir.name, contractName: ir.contractName, sourceFile: file,
      bpmn: document.bpmn,
      start: {
        elementId: ir.start.elementId, name: ir.start.name, roles: ir.start.roles, functionName: 'startInstance', eventName: 'InstanceStarted',
        fields: fieldsOf(ir, ir.start.writes, ir.start.elementId), choice: choiceOf(ir, ir.start.choice),
        ...(ir.start.timer ? { timer: startTimerOf(ir.start.timer) } : {}),
      },
      tasks: ir.tasks.map((t) => ({
        elementId: t.elementId, name: t.name, documentation: t.documentation, role: t.role, functionName: t.identifier,
        eventName: `${t.identifier.charAt(0).toUpperCase()}${t.identifier.slice(1).replace(/_$/, '')}Completed`,
        bit: t.bit, fields: fieldsOf(ir, t.writes, t.elementId), choice: choiceOf(ir, t.choice),
        ...(t.binding !== undefined ? { binding: t.binding } : {}),
        ...waitOf(ir, t),
        ...subprocessOf(ir, t.bit),
        ...(t.multi ? {
          multiInstance: {
            index: ir.tasks.filter((x, i) => x.multi && i < ir.tasks.indexOf(t)).length, sequential: t.multi.sequential, cardinality: t.multi.cardinality, ...(t.multi.forEachOf ? { forEachOf: t.multi.forEachOf } : {}),
            ...(t.multi.completionText ? { completionCondition: t.multi.completionText } : {}), countFunction: 'completedInstances' as const,
          },
        } : {}),
      })),
      // only processes with timers carry the field, so manifests of the others stay as they were
      ...(ir.timers.length ? { timers: timersOf(ir) } : {}),
      ...(ir.scripts.length ? { scripts: scriptsOf(ir) } : {}),
      ...(ir.bindings.length ? { roleBindings: bindingsOf(ir) } : {}),
      ...(ir.subprocesses.length ? { subprocesses: ir.subprocesses.map((x): SubprocessManifest => ({ elementId: x.elementId, name: x.name, bit: x.bit, ...(x.parent !== undefined ? { parentId: ir.subprocesses[x.parent].elementId } : {}), ...(x.calledProcess ? { calledProcess: { id: x.calledProcess.documentId, processId: x.calledProcess.processId, name: x.calledProcess.name } } : {}), ...(x.pool ? { pool: x.pool } : {}) })) } : {}),
      ...(ir.errorBoundaries.length ? {
        errorBoundaries: ir.errorBoundaries.map((b, index): ErrorBoundaryManifest => ({
          index, elementId: b.elementId, name: b.name, subprocessId: ir.subprocesses[b.attachedTo].elementId, ...(b.errorCode !== undefined ? { errorCode: b.errorCode } : {}),
        })),
      } : {}),
      endedEventName: 'InstanceEnded',
      abi: a?.abi ?? [], bytecode: a?.bytecode ?? '0x',
    };
  });
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const manifest: AppManifest = {
    manifestVersion: MANIFEST_VERSION,
    workspaceName: workspace.name,
    compiler: { version: compiled.compilerVersion, settings: compiled.settings },
    roles: generated.roles.map((r) => ({ id: r.id, name: r.name, bit: r.bit })),
    organizations: workspace.organizations.map((o, i) => ({ id: o.id, name: o.name, index: i + 1 })),
    participants: workspace.participants.map((p) => ({ id: p.id, name: p.name, kind: p.kind, organization: p.organization, roles: [...p.roles], address: p.address })),
    registry: { contractName: REGISTRY_CONTRACT, sourceFile: `${REGISTRY_CONTRACT}.sol`, abi: registry!.abi, bytecode: registry!.bytecode },
    processes,
  };
  return { manifest, problems };
}

function timersOf(ir: ProcessIR): TimerManifest[] {
  return ir.timers.map((t, index) => ({
    index, elementId: t.elementId, name: t.name, duration: t.duration, seconds: t.seconds, functionName: `trigger${t.identifier}`,
    bit: t.bit, ...(t.attachedTo !== undefined ? { attachedToTaskId: ir.tasks[t.attachedTo].elementId } : {}),
    ...(t.attachedToSubprocess !== undefined ? { attachedToSubprocessId: ir.subprocesses[t.attachedToSubprocess].elementId } : {}), interrupting: t.interrupting,
  }));
}

/** The innermost subprocess holding marking bit `bit`: the one with the fewest bits inside among those holding it. */
function subprocessOf(ir: ProcessIR, bit: number): { subprocessId?: string } {
  const holding = ir.subprocesses.filter((x) => x.inner.includes(bit)).sort((a, b) => a.inner.length - b.inner.length);
  return holding.length ? { subprocessId: holding[0].elementId } : {};
}

function scriptsOf(ir: ProcessIR): ScriptManifest[] {
  return ir.scripts.map((x) => ({
    elementId: x.elementId, name: x.name, eventName: scriptEventName(x),
    fields: fieldsOf(ir, (x.sends ?? x.assignments.map((a) => a.field)).map((field) => ({ field, required: false })), x.elementId),
    ...(x.sends ? { sends: true as const } : {}),
  }));
}

/** What a message or service task adds to its entry; nothing for a user task, so those entries stay as they were. */
function waitOf(ir: ProcessIR, t: TaskIR): Partial<TaskManifest> {
  if (!t.kind) return {};
  return {
    kind: t.kind,
    ...(t.attachedTo !== undefined ? { attachedToTaskId: ir.tasks[t.attachedTo].elementId, interrupting: t.interrupting !== false } : {}),
    ...(t.attachedToSubprocess !== undefined ? { attachedToSubprocessId: ir.subprocesses[t.attachedToSubprocess].elementId, interrupting: t.interrupting !== false } : {}),
    ...(t.kind === 'service' ? { requestEventName: requestEventName(t), requestFields: fieldsOf(ir, (t.requests ?? []).map((field) => ({ field, required: false })), t.elementId) } : {}),
  };
}

function bindingsOf(ir: ProcessIR): RoleBindingManifest[] {
  return ir.bindings.map((b, index) => ({
    index, role: b.role, nominatedBy: b.elementId, fieldName: ir.fields[b.field].name, rebind: b.rebind,
    restrictsTaskIds: ir.tasks.filter((t) => t.binding === index).map((t) => t.elementId), functionName: BOUND_TO,
  }));
}

function fieldsOf(ir: ProcessIR, writes: FieldWrite[], elementId: string): FieldManifest[] {
  return writes.map((w) => {
    const f = ir.fields[w.field];
    const nominates = ir.bindings.find((b) => b.elementId === elementId && b.field === w.field)?.role;
    return {
      name: f.name, identifier: f.identifier, type: f.type, required: w.required, label: f.label, ...(nominates ? { nominatesRole: nominates } : {}),
      ...(f.values ? { values: f.values } : {}), ...(f.scale !== undefined ? { scale: f.scale } : {}), ...(f.unit ? { unit: f.unit } : {}), ...(f.role !== undefined ? { role: f.role } : {}),
    };
  });
}

function choiceOf(ir: ProcessIR, gatewayIndex: number | undefined): ChoiceManifest | undefined {
  if (gatewayIndex === undefined) return undefined;
  const g: GatewayIR = ir.gateways[gatewayIndex];
  return {
    gatewayElementId: g.elementId,
    options: g.branches.map((b, k) => ({ index: k + 1, flowId: b.flowId, name: b.name })),
    defaultFlowId: g.defaultBranch?.flowId,
    defaultFlowName: g.defaultBranch?.name,
  };
}

/** EIP-170: the code size most chains accept (Besu's default contractSizeLimit). */
export const CONTRACT_SIZE_LIMIT = 24_576;

/**
 * A contract over the size limit deploys on the bundled ledger but not on most real chains: say
 * so while designing, not at deployment.
 */
function sizeWarnings(file: string, contractName: string, deployedBytecode: string, processName?: string): Problem[] {
  const size = Math.max(0, (deployedBytecode.length - 2) / 2);
  if (size <= CONTRACT_SIZE_LIMIT) return [];
  const what = processName ? `the contract of "${processName}" (${contractName})` : contractName;
  return [warning(`${what} is ${size.toLocaleString('en-US')} bytes, over the ${CONTRACT_SIZE_LIMIT.toLocaleString('en-US')}-byte limit (EIP-170) most chains enforce: it deploys on the bundled ledger, but on Besu raise contractSizeLimit in the genesis, or split the process`, { file })];
}

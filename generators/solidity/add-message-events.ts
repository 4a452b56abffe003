/**
 * Messages in the process contract (docs/process-format.md, "Messages"):
 * - a service task is enabled through its private `_request<Task>(instanceId, m)`, which the routing
 *   calls wherever a token reaches the task: unless the task is enabled already (the token joins the
 *   one waiting there), it emits `<Task>Requested(instanceId, …payload)` for the device or service
 *   that will complete it, and sets the task's bit (and its boundary events');
 * - a message sender (send task, message throw or end event) is a private `_run<Sender>(instanceId, m)`
 *   on the way, like a script task: it emits `<Sender>Sent(instanceId, …payload)` and routes on.
 * Payload fields are read from the instance data (build-process-ir.ts keeps them in storage), or passed
 * by the one task function that writes them in the same step (ir/same-step-fields.ts). A sender
 * to another executable pool of a collaboration first reverts `MessagePending` while its message is
 * still buffered there, or while the pool it starts still runs (MessageFlowIR).
 * Catching a message (receive task, message catch and boundary events) needs nothing here: it is a
 * task function whose caller must play the sending role (add-task-functions.ts).
 */
import type { ProcessIR, ScriptIR, TaskIR } from '../ir/process-ir.js';
import { bin, id, index, member, num, str, type ErrorDecl, type Expr, type Param, type Statement } from './contract-model.js';
import { constantOfAnyBit } from './add-subprocesses.js';
import { constantOfBit, targetExpr, type GatewayShape } from './add-gateway-routing.js';
import { scriptEventName, scriptFunctionName } from './add-script-tasks.js';
import { bitsArmedWith } from '../ir/timer-bits.js';
import { fieldParam, solidityTypeOf } from './solidity-types.js';
import type { ProcessContext } from './process-context.js';

const M = id('m');
const INSTANCE = id('instanceId');
const pascal = (identifier: string) => `${identifier.charAt(0).toUpperCase()}${identifier.slice(1)}`;

export function requestFunctionName(task: TaskIR): string {
  return `_request${pascal(task.identifier)}`;
}

export function requestEventName(task: TaskIR): string {
  return `${pascal(task.identifier).replace(/_$/, '')}Requested`;
}

/** The notice of a task function: who calls it and what it means, by kind of wait state. */
export function taskNotice(ctx: ProcessContext, ti: number): string {
  const task = ctx.ir.tasks[ti];
  const role = ctx.roles.find((r) => r.id === task.role)?.name ?? task.role;
  if (task.kind === 'service') return `Completes service task "${task.name}" with its result (role ${role}: a device or service account); ${requestEventName(task)} asked for it.`;
  if (task.kind !== 'receive' && task.kind !== 'message') return `Completes "${task.name}" (role ${role}).`;
  if (task.attachedToSubprocess !== undefined) {
    const sub = ctx.ir.subprocesses[task.attachedToSubprocess];
    const host = `${sub.calledProcess ? 'call activity' : 'subprocess'} "${sub.name}"`;
    return task.interrupting === false
      ? `Delivers message "${task.name}" to ${host} while it runs (sender role ${role}); it goes on and a token also leaves by the message's flow.`
      : `Delivers message "${task.name}" to ${host} while it runs (sender role ${role}); it is withdrawn with everything inside it and the token leaves by the message's flow.`;
  }
  if (task.attachedTo === undefined) return `Delivers message "${task.name}" (sender role ${role}).`;
  const host = ctx.ir.tasks[task.attachedTo].name;
  return task.interrupting === false
    ? `Delivers message "${task.name}" to "${host}" (sender role ${role}); "${host}" stays enabled and a token also leaves by the message's flow.`
    : `Delivers message "${task.name}" to "${host}" (sender role ${role}); "${host}" is withdrawn and the token leaves by the message's flow.`;
}

/**
 * The payload fields kept in no storage: the writing task function passes them as parameters
 * (ir/same-step-fields.ts proved it is the only caller and writes them). In payload order.
 */
export function passedFields(ir: ProcessIR, fields: readonly number[] | undefined): number[] {
  return (fields ?? []).filter((fi) => !ir.fields[fi].stored);
}

/** The payload's values: a passed parameter, `d.<field>` from the instance's data, or a packed bool's bit of `m`. */
function payloadArgs(ctx: ProcessContext, fields: readonly number[]): { args: Expr[]; usesData: boolean; usesM: boolean } {
  let usesData = false;
  let usesM = false;
  const args = fields.map((fi) => {
    const f = ctx.ir.fields[fi];
    if (!f.stored) return id(f.identifier);
    const bit = ctx.packedBool.get(fi);
    if (bit !== undefined) {
      usesM = true;
      return bin('!=', bin('&', M, id(bit)), num(0));
    }
    usesData = true;
    return member(id('d'), f.identifier);
  });
  return { args, usesData, usesM };
}

// an enum field goes out as its Solidity enum (ABI uint8), like everywhere else the field is declared
const payloadParams = (ir: ProcessIR, fields: readonly number[]): Param[] => fields.map((fi) => ({ type: solidityTypeOf(ir.fields[fi]), name: ir.fields[fi].identifier }));
// declared as the task function declares them: a string stays in calldata, nothing is copied
const passedParams = (ir: ProcessIR, fields: readonly number[]): Param[] => passedFields(ir, fields).map((fi) => fieldParam(ir.fields[fi], ir.fields[fi].identifier));
const readData: Statement = { kind: 'let', type: 'Data storage', name: 'd', value: index(id('_data'), INSTANCE) };

export function addMessageEvents(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir, builder } = ctx;
  ir.tasks.forEach((task, ti) => {
    if (task.kind !== 'service') return;
    const fields = task.requests ?? [];
    builder.addEvent({
      name: requestEventName(task),
      params: [{ type: 'uint256', name: 'instanceId', indexed: true }, ...payloadParams(ir, fields)],
      natspec: { notice: [`Service task "${task.name}" is enabled: its service should do the work and complete it.`] },
    });
    const payload = payloadArgs(ctx, fields);
    const bit = id(ctx.taskConstant[ti]);
    builder.addFunction({
      kind: 'function', name: requestFunctionName(task), visibility: 'private', mutability: 'nonpayable',
      params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'm' }, ...passedParams(ir, fields)], returns: [{ type: 'uint256', name: '' }], elementId: task.elementId,
      natspec: { dev: [`A token reaches service task "${task.name}": unless it is enabled already, ask for the service and enable it.`] },
      body: [
        { kind: 'if', cond: bin('!=', bin('&', M, bit), num(0)), then: [{ kind: 'return', value: M }] },
        ...(payload.usesData ? [readData] : []),
        { kind: 'emit', event: requestEventName(task), args: [INSTANCE, ...payload.args] },
        { kind: 'return', value: [M, bit, ...bitsArmedWith(ir, ti).map((b) => id(constantOfBit(ctx, b)))].reduce((a, b) => bin('|', a, b)) },
      ],
    });
  });
  for (const x of ir.scripts) if (x.sends) addSender(ctx, shapes, x);
}

function addSender(ctx: ProcessContext, shapes: GatewayShape[], x: ScriptIR) {
  const { ir, builder } = ctx;
  const fields = x.sends ?? [];
  builder.addEvent({
    name: scriptEventName(x),
    params: [{ type: 'uint256', name: 'instanceId', indexed: true }, ...payloadParams(ir, fields)],
    natspec: { notice: [`Message "${x.name}" was sent, with its payload.`] },
  });
  const payload = payloadArgs(ctx, fields);
  const endsHere = x.next.kind === 'end' && ir.ends[x.next.index].elementId === x.elementId;
  // the marking is used unless the sender ends in a process-level terminate end (one in a subprocess clears only its bits) and reads no packed bool
  const usesM = payload.usesM || ctx.boundInWord || !(x.next.kind === 'end' && ir.ends[x.next.index].terminate && ir.ends[x.next.index].scope === undefined && !x.next.scripts?.length);
  const pending = pendingChecks(ctx, x);
  builder.addFunction({
    kind: 'function', name: scriptFunctionName(x), visibility: 'private', mutability: 'nonpayable',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: usesM || pending.length ? 'm' : '' }, ...passedParams(ir, fields)], returns: [{ type: 'uint256', name: '' }], elementId: x.elementId,
    natspec: { dev: [`Sends message "${x.name}"${fields.length ? ` with ${fields.map((f) => ir.fields[f].name).join(', ')}` : ''}; ${endsHere ? 'then the token ends (message end event).' : 'the token moves on.'}`, ...(x.documentation ? [x.documentation] : [])] },
    body: [
      ...pending,
      ...(payload.usesData ? [readData] : []),
      { kind: 'emit', event: scriptEventName(x), args: [INSTANCE, ...payload.args] },
      { kind: 'return', value: targetExpr(ctx, shapes, x.next, M) },
    ],
  });
}

export const MESSAGE_PENDING: ErrorDecl = {
  name: 'MessagePending',
  params: [{ type: 'uint256', name: 'instanceId' }, { type: 'string', name: 'messageFlow' }],
  natspec: { notice: ['The message sent to another pool before is still waiting to be received (or the pool it starts still runs): one message per message flow at a time.'] },
};

/** A sender to other executable pools first checks that none of its messages is still pending (MessageFlowIR.bit). */
function pendingChecks(ctx: ProcessContext, x: ScriptIR): Statement[] {
  if (!x.delivers?.length) return [];
  ctx.builder.addError(MESSAGE_PENDING);
  return x.delivers.map((k) => {
    const f = ctx.ir.messageFlows![k];
    return { kind: 'if', cond: bin('!=', bin('&', M, id(constantOfAnyBit(ctx, f.bit))), num(0)), then: [{ kind: 'revert', error: 'MessagePending', args: [INSTANCE, str(f.flowId)] }] } satisfies Statement;
  });
}

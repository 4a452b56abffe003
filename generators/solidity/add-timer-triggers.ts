/**
 * Timers: one external `trigger<Timer>(instanceId)` per timer, which anyone may call once the timer
 * waits (its marking bit is set) and its deadline has come; it fires the timer at most once (the bit
 * is cleared) and routes the token on. Deadlines live in `_dueAt`: per instance a `uint64[n]`,
 * so four deadlines share one storage slot. `_startTimers` records the deadline of every timer a
 * step's routing newly enabled and emits `TimerStarted(instanceId, timer, dueAt)`, with the timer's
 * index as in the manifest (a number costs less in every log than the timer's name).
 */
import { bin, call, id, index, member, MSG_SENDER, num, str, type Statement } from './contract-model.js';
import { constantOfBit, ERRORS, type GatewayShape } from './add-gateway-routing.js';
import { commit, orOf, routeOn, START_TIMERS } from './route-and-commit.js';
import { bitsConsumedBy } from '../ir/timer-bits.js';
import { stepNeedsSettle } from '../ir/inclusive-join.js';
import type { ProcessContext } from './process-context.js';

const M = id('m');
const INSTANCE = id('instanceId');
const NOW = member(id('block'), 'timestamp');

/** Constants, storage, events and errors of the timers; before the functions that use them. */
export function addTimerDeclarations(ctx: ProcessContext) {
  const { ir, builder } = ctx;
  if (ir.timers.length === 0) return;
  ir.timers.forEach((t, k) => {
    const host = t.attachedTo !== undefined ? ir.tasks[t.attachedTo].name : t.attachedToSubprocess !== undefined ? ir.subprocesses[t.attachedToSubprocess].name : undefined;
    const what = host === undefined ? `timer "${t.name}" (${t.duration}) holds a token` : `boundary timer "${t.name}" (${t.duration}) of "${host}" runs`;
    builder.addConstant({ type: 'uint256', name: ctx.timerConstant[k], visibility: 'private', value: bin('<<', num(1), num(t.bit)), natspec: { dev: [`Marking bit: ${what}.`] } });
  });
  builder.addEvent({
    name: 'TimerStarted',
    params: [{ type: 'uint256', name: 'instanceId', indexed: true }, { type: 'uint8', name: 'timer' }, { type: 'uint256', name: 'dueAt' }],
    natspec: { notice: ['A timer started: it may be triggered from dueAt on.'] },
  });
  builder.addEvent({
    name: 'TimerFired',
    params: [{ type: 'uint256', name: 'instanceId', indexed: true }, { type: 'address', name: 'by', indexed: true }, { type: 'uint8', name: 'timer' }],
    natspec: { notice: ['A timer fired: its token left by the timer\'s outgoing flow.'] },
  });
  builder.addError(ERRORS.TimerNotWaiting);
  builder.addError(ERRORS.TimerNotDue);
}

export function addTimerStorage(ctx: ProcessContext) {
  if (ctx.ir.timers.length === 0) return;
  ctx.builder.addStateVar({
    type: `mapping(uint256 instanceId => uint64[${ctx.ir.timers.length}])`, name: '_dueAt', visibility: 'private',
    natspec: { dev: ['Deadline (block time, seconds) of each timer when it last started, by timer index; four share a slot.'] },
  });
}

export function addTimerFunctions(ctx: ProcessContext, shapes: GatewayShape[]) {
  const { ir, builder } = ctx;
  if (ir.timers.length === 0) return;
  ir.timers.forEach((t, k) => {
    const bit = id(ctx.timerConstant[k]);
    // an interrupting timer on a subprocess withdraws all of it: one mask
    const consumed = t.attachedToSubprocess !== undefined && t.interrupting
      ? [ctx.timerConstant[k], `${ctx.subConstant[t.attachedToSubprocess]}_ALL`]
      : bitsConsumedBy(ir, { timer: k }).map((b) => (b === t.bit ? ctx.timerConstant[k] : constantOfBit(ctx, b)));
    const host = t.attachedTo !== undefined ? ir.tasks[t.attachedTo].name : t.attachedToSubprocess !== undefined ? ir.subprocesses[t.attachedToSubprocess].name : undefined;
    builder.addFunction({
      kind: 'function', name: `trigger${t.identifier}`, visibility: 'external', mutability: 'nonpayable',
      params: [{ type: 'uint256', name: 'instanceId' }], returns: [], elementId: t.elementId,
      natspec: {
        notice: [`Fires timer "${t.name}" (${t.duration}) once it is due; anyone may call it.`],
        dev: [host === undefined ? 'Intermediate timer: the waiting token moves on.' : t.interrupting
          ? `Interrupting boundary timer of "${host}": the ${t.attachedToSubprocess !== undefined ? 'subprocess is withdrawn with everything inside it' : 'task is withdrawn'} and the token leaves by the timer's flow.`
          : `Non-interrupting boundary timer of "${host}": the ${t.attachedToSubprocess !== undefined ? 'subprocess goes on' : 'task stays enabled'} and a token also leaves by the timer's flow (once per activation).`],
      },
      body: [
        { kind: 'let', type: 'uint256', name: 'm', value: index(id(ctx.stateVar), INSTANCE) },
        { kind: 'if', cond: bin('==', bin('&', M, bit), num(0)), then: [{ kind: 'revert', error: 'TimerNotWaiting', args: [INSTANCE, str(t.name)] }] },
        { kind: 'let', type: 'uint256', name: 'dueAt', value: index(index(id('_dueAt'), INSTANCE), num(k)) },
        { kind: 'if', cond: bin('<', NOW, id('dueAt')), then: [{ kind: 'revert', error: 'TimerNotDue', args: [INSTANCE, str(t.name), id('dueAt')] }] },
        { kind: 'emit', event: 'TimerFired', args: [INSTANCE, MSG_SENDER, num(k)] },
        ...routeOn(ctx, shapes, t.next, orOf(consumed), undefined, stepNeedsSettle(ir, { timer: k })),
        ...commit(ctx, t.next, stepNeedsSettle(ir, { timer: k })),
      ],
    });
  });
  addStartTimers(ctx);
}


/** Records the deadline of every timer whose bit is in `armed`; straight-line, one test per timer. */
function addStartTimers(ctx: ProcessContext) {
  const { ir } = ctx;
  const body: Statement[] = [{ kind: 'let', type: `uint64[${ir.timers.length}] storage`, name: 'dueAt', value: index(id('_dueAt'), INSTANCE) }];
  ir.timers.forEach((t, k) => {
    body.push({ kind: 'comment', text: `"${t.name}": ${t.duration}` });
    body.push({
      kind: 'if', cond: bin('!=', bin('&', id('armed'), id(ctx.timerConstant[k])), num(0)),
      then: [
        { kind: 'let', type: 'uint256', name: 'due', value: bin('+', NOW, num(t.seconds)) },
        { kind: 'assign', target: index(id('dueAt'), num(k)), op: '=', value: call('uint64', id('due')) },
        { kind: 'emit', event: 'TimerStarted', args: [INSTANCE, num(k), id('due')] },
      ],
    });
  });
  ctx.builder.addFunction({
    kind: 'function', name: START_TIMERS, visibility: 'private', mutability: 'nonpayable',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'armed' }], returns: [], body,
    natspec: { dev: ['Starts the timers whose bits the routing newly set: deadline = now + duration.'] },
  });
}

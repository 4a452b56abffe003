/**
 * Script tasks: one private `_run<Script>(instanceId, m)` per script task, called by the routing of
 * whichever step brings a token to it (no transaction of its own). It computes each assignment into
 * a local (later assignments of the same script read the local), writes the fields that conditions or
 * scripts read (`_data`, or the state word `m` for a packed bool), emits `<Script>Completed(instanceId,
 * values…)` (the history of the computed values) and routes the token on.
 */
import type { ScriptIR } from '../ir/process-ir.js';
import { bin, call, id, index, inv, member, num, type ErrorDecl, type Expr, type Param, type Statement } from './contract-model.js';
import { targetExpr, type GatewayShape } from './add-gateway-routing.js';
import { needsToInt256, referencesData, valueToExpr } from './condition-to-expr.js';
import { solidityTypeOf } from './solidity-types.js';
import type { ProcessContext } from './process-context.js';

const M = id('m');
const INSTANCE = id('instanceId');

export const NEGATIVE_VALUE: ErrorDecl = {
  name: 'NegativeValue',
  params: [{ type: 'int256', name: 'value' }],
  natspec: { notice: ['A script computed a negative number for an unsigned field.'] },
};

const pascal = (identifier: string) => `${identifier.charAt(0).toUpperCase()}${identifier.slice(1)}`;

export function scriptFunctionName(x: ScriptIR): string {
  return `_run${pascal(x.identifier)}`;
}

/** `<Script>Completed`, or `<Sender>Sent` for a message sender (add-message-events.ts). */
export function scriptEventName(x: ScriptIR): string {
  return `${pascal(x.identifier).replace(/_$/, '')}${x.sends ? 'Sent' : 'Completed'}`;
}

/** Adds the scripts' functions and events; reports which conversion helpers their assignments need. */
export function addScriptTasks(ctx: ProcessContext, shapes: GatewayShape[]): { toInt: boolean; toUint: boolean } {
  const { ir, builder } = ctx;
  const needs = { toInt: false, toUint: false };
  for (const x of ir.scripts) {
    if (x.sends) continue; // a message sender: add-message-events.ts
    const locals = new Map<number, string>();
    let usesData = false;
    let usesM = false;
    const body: Statement[] = [];
    const field = (fi: number): Expr | undefined => {
      const local = locals.get(fi);
      if (local) return id(local);
      const bit = ctx.packedBool.get(fi);
      if (bit === undefined) return undefined;
      usesM = true;
      return bin('!=', bin('&', M, id(bit)), num(0));
    };
    for (const a of x.assignments) {
      const f = ir.fields[a.field];
      // a stored field that is not a local yet is read from `d`
      if (referencesData(a.expr, (fi) => locals.has(fi) || ctx.packedBool.has(fi))) usesData = true;
      const value = valueToExpr(a.expr, f.type, { fields: ir.fields, data: id('d'), field });
      needs.toInt ||= needsToInt256(a.expr, value.domain);
      needs.toUint ||= value.toUint;
      body.push({ kind: 'comment', text: `${f.name} := ${a.text}` });
      body.push({ kind: 'let', type: f.type === 'string' ? 'string memory' : solidityTypeOf(f), name: f.identifier, value: value.expr });
      locals.set(a.field, f.identifier);
      const bit = ctx.packedBool.get(a.field);
      if (bit !== undefined) {
        usesM = true;
        body.push({ kind: 'if', cond: id(f.identifier), then: [{ kind: 'assign', target: M, op: '|=', value: id(bit) }], else: [{ kind: 'assign', target: M, op: '&=', value: inv(id(bit)) }] });
      } else if (f.stored) {
        usesData = true;
        body.push({ kind: 'assign', target: member(id('d'), f.identifier), op: '=', value: id(f.identifier) });
      }
    }
    const assigned = x.assignments.map((a) => ir.fields[a.field]);
    builder.addEvent({
      name: scriptEventName(x),
      params: [{ type: 'uint256', name: 'instanceId', indexed: true }, ...assigned.map((f): Param => ({ type: solidityTypeOf(f), name: f.identifier }))],
      natspec: { notice: [`Script task "${x.name}" ran: the values it assigned.`] },
    });
    body.push({ kind: 'emit', event: scriptEventName(x), args: [INSTANCE, ...assigned.map((f) => id(f.identifier))] });
    const next = targetExpr(ctx, shapes, x.next, M);
    body.push({ kind: 'return', value: next });
    // the marking is used unless the script ends in a terminate end and packs no bool
    usesM ||= ctx.boundInWord || !(x.next.kind === 'end' && ctx.ir.ends[x.next.index].terminate && ctx.ir.ends[x.next.index].scope === undefined && !x.next.scripts?.length);
    if (usesData) body.unshift({ kind: 'let', type: 'Data storage', name: 'd', value: index(id('_data'), INSTANCE) });
    builder.addFunction({
      kind: 'function', name: scriptFunctionName(x), visibility: 'private', mutability: 'nonpayable',
      params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: usesM ? 'm' : '' }],
      returns: [{ type: 'uint256', name: '' }], body, elementId: x.elementId,
      natspec: { dev: [`Script task "${x.name}": ${x.assignments.map((a) => `${ir.fields[a.field].name} := ${a.text}`).join('; ')}.`, ...(x.documentation ? [x.documentation] : [])] },
    });
  }
  if (needs.toUint) addToUint256(ctx);
  return needs;
}

function addToUint256(ctx: ProcessContext) {
  ctx.builder.addError(NEGATIVE_VALUE);
  ctx.builder.addFunction({
    kind: 'function', name: '_toUint256', visibility: 'private', mutability: 'pure',
    params: [{ type: 'int256', name: 'value' }], returns: [{ type: 'uint256', name: '' }],
    natspec: { dev: ['Reverts instead of wrapping when a script assigns a negative number to an unsigned field.'] },
    body: [
      { kind: 'if', cond: bin('<', id('value'), num(0)), then: [{ kind: 'revert', error: 'NegativeValue', args: [id('value')] }] },
      { kind: 'return', value: call('uint256', id('value')) },
    ],
  });
}

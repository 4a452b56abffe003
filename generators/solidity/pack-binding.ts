/**
 * A process that binds exactly one role per instance keeps the bound participant in the
 * instance's state word, bits BOUND_SHIFT..BOUND_SHIFT+159 right above the marking
 * (process-context.ts decides when it fits). The word is loaded and stored by every step anyway,
 * so nominating costs no zero-to-nonzero write of a slot of its own (22,100 gas) and a task of
 * the bound role no cold read of one (2,100 gas). `boundTo(instanceId, index)` stays a view with
 * the mapping getter's signature and its out-of-range panic.
 *
 * Once the instance has ended the participant stays in the word (the marking is 0): boundTo
 * still names it, as the mapping did and as the reference interpreter says.
 */
import { bin, call, id, index, inv, num, type Expr, type Statement } from './contract-model.js';
import { BOUND_MASK, BOUND_SHIFT, type ProcessContext } from './process-context.js';

const M = id('m');

/** Constants and the boundTo view of a bound participant kept in the word. */
export function addBoundInWord(ctx: ProcessContext, roleList: string) {
  const { builder, ir } = ctx;
  builder.addConstant({
    type: 'uint256', name: BOUND_SHIFT, visibility: 'private', value: num(BigInt(ir.bitCount)),
    natspec: { dev: [`The participant bound per instance (${roleList}) is kept in bits ${ir.bitCount}..${ir.bitCount + 159} of the state word, above the marking.`] },
  });
  builder.addConstant({
    type: 'uint256', name: BOUND_MASK, visibility: 'private', value: bin('<<', bin('-', bin('<<', num(1), num(160)), num(1)), id(BOUND_SHIFT)),
  });
  const bound = id('bound');
  builder.addFunction({
    kind: 'function', name: 'boundTo', visibility: 'external', mutability: 'view',
    params: [{ type: 'uint256', name: 'instanceId' }, { type: 'uint256', name: 'index' }], returns: [{ type: 'address', name: '' }],
    natspec: {
      notice: [`Participant bound in the instance to each role bound in this process (${roleList}); zero until nominated.`],
      params: [{ name: 'instanceId', text: 'The process instance.' }, { name: 'index', text: 'The binding (0: the only one); any other index reverts.' }],
    },
    body: [
      // an array, so that an index out of range panics exactly like the former mapping getter
      { kind: 'let', type: 'address[1] memory', name: 'bound' },
      { kind: 'assign', target: index(bound, num(0)), op: '=', value: boundOf(index(id(ctx.stateVar), id('instanceId'))) },
      { kind: 'return', value: index(bound, id('index')) },
    ],
  });
}

/** The participant bound in word `word` (zero while nobody is). */
export const boundOf = (word: Expr): Expr => call('address', call('uint160', bin('>>', word, id(BOUND_SHIFT))));

/** The participant bound in `m`, the state word the function has loaded. */
export const boundInM = (): Expr => boundOf(M);

/**
 * `m` records `nominee` as bound. `fresh`: nobody is bound in `m` yet, so nothing to clear.
 */
export function recordInM(nominee: Expr, fresh: boolean): Statement {
  const bits = bin('<<', call('uint256', call('uint160', nominee)), id(BOUND_SHIFT));
  return fresh
    ? { kind: 'assign', target: M, op: '|=', value: bits }
    : { kind: 'assign', target: M, op: '=', value: bin('|', bin('&', M, inv(id(BOUND_MASK))), bits) };
}

/** What is left of state word `m` once the instance has ended: the bound participant, if kept in it. */
export function keptAtEnd(ctx: ProcessContext, m: Expr): Expr {
  return ctx.boundInWord && !(m.kind === 'num' && m.value === 0n) ? bin('&', m, id(BOUND_MASK)) : num(0);
}

/** What every feature of a process contract needs to know: the IR and the names derived for it. */
import type { ProcessIR } from '../ir/process-ir.js';
import { ContractBuilder } from './contract-builder.js';
import { upperSnake } from './solidity-types.js';
import { deriveIdentifier, IdentifierScope } from '../naming/derive-identifier.js';

export interface RoleBit {
  id: string;
  name: string;
  bit: number;
}

export interface ProcessContext {
  ir: ProcessIR;
  builder: ContractBuilder;
  roles: RoleBit[];
  /** Constant name for each role bit, by role id (only roles this process uses). */
  roleConstant: Map<string, string>;
  /** Constant name of each task's marking bit, by task index. */
  taskConstant: string[];
  /** Constant name of each timer's marking bit (`TIMER_<NAME>`), by timer index. */
  timerConstant: string[];
  /** Constant name of each subprocess's own marking bit (`SUB_<NAME>`), by subprocess index; `<it>_INNER` and `<it>_ALL` are its masks. */
  subConstant: string[];
  /** Constant names of each join input bit, by bit number. */
  joinConstant: Map<number, string>;
  /** Constant holding all input bits of a join, by gateway index. */
  joinMaskConstant: Map<number, string>;
  /**
   * Stored bool fields kept in the instance's state word above the marking bits, by field index:
   * the constant of their bit. A task that records one then writes no extra storage slot, and a
   * condition that reads one reads no storage at all (the word is already in `m`).
   */
  packedBool: Map<number, string>;
  /**
   * The process binds exactly one role per instance and its participant fits in the state word
   * (bits BOUND_SHIFT.. BOUND_SHIFT+159, right above the marking): nominating and checking the
   * bound participant then touch no slot of their own (pack-binding.ts).
   */
  boundInWord: boolean;
  /** The per-instance state word: `marking` itself, or `_state` when bool fields or the bound participant share it. */
  stateVar: string;
}

/** The state word's name and the mask of its marking bits when fields share the word. */
export const STATE_WITH_FIELDS = '_state';
export const MARKING_MASK = 'MARKING_MASK';
export const BOUND_SHIFT = 'BOUND_SHIFT';
export const BOUND_MASK = 'BOUND_MASK';

/** True when the state word holds more than the marking (packed bool fields, a bound participant). */
export const wordHasExtras = (ctx: ProcessContext) => ctx.packedBool.size > 0 || ctx.boundInWord;

const ADDRESS_BITS = 160;

export function createProcessContext(ir: ProcessIR, roles: RoleBit[], builder: ContractBuilder): ProcessContext {
  const constants = new IdentifierScope();
  constants.claim(MARKING_MASK);
  constants.claim(BOUND_SHIFT);
  constants.claim(BOUND_MASK);
  const roleConstant = new Map<string, string>();
  // a bound role is checked on its nominee even when no task of this process performs it
  // so is the role a participant field asks for, and the role a cf:forEachOf task counts
  const used = new Set([ir.start.roles, ...ir.tasks.map((t) => [t.role, ...(t.multi?.forEachOf ? [t.multi.forEachOf] : [])]), ir.bindings.map((b) => b.role), ir.fields.flatMap((f) => (f.role !== undefined ? [f.role] : []))].flat());
  for (const r of [...roles].sort((a, b) => a.bit - b.bit)) {
    if (used.has(r.id)) roleConstant.set(r.id, constants.claim(`ROLE_${upperSnake(deriveIdentifier(r.id, r.name, 'pascal'))}`));
  }
  const taskConstant = ir.tasks.map((t) => constants.claim(`TASK_${upperSnake(t.identifier)}`));
  const timerConstant = ir.timers.map((t) => constants.claim(`TIMER_${upperSnake(t.identifier)}`));
  const subConstant = ir.subprocesses.map((s) => {
    const name = constants.claim(`SUB_${upperSnake(s.identifier)}`);
    constants.claim(`${name}_INNER`);
    constants.claim(`${name}_ALL`);
    if (s.buffers?.length) constants.claim(`${name}_BUFFERS`);
    return name;
  });
  const joinConstant = new Map<number, string>();
  const joinMaskConstant = new Map<number, string>();
  ir.gateways.forEach((g, gi) => {
    if (g.inputBits.length === 0) return;
    const base = upperSnake(g.identifier);
    g.inputBits.forEach((bit, k) => joinConstant.set(bit, constants.claim(`JOIN_${base}_IN${k + 1}`)));
    joinMaskConstant.set(gi, constants.claim(`JOIN_${base}_ALL`));
  });
  // one bound participant (160 bits) goes above the marking when it fits beside every stored bool;
  // otherwise boundTo stays a mapping (a 2nd binding would not fit in any case)
  const storedBools = ir.fields.filter((f) => f.stored && f.type === 'bool').length;
  const boundInWord = ir.bindings.length === 1 && ir.bitCount + ADDRESS_BITS + storedBools <= 256;
  const taken = ir.bitCount + (boundInWord ? ADDRESS_BITS : 0);
  // bool fields take the free bits of the word from the top down, as long as there are any
  const packedBool = new Map<number, string>();
  ir.fields.forEach((f, fi) => {
    if (f.stored && f.type === 'bool' && taken + packedBool.size < 256) packedBool.set(fi, constants.claim(`FIELD_${upperSnake(f.identifier)}`));
  });
  return {
    ir, builder, roles, roleConstant, taskConstant, timerConstant, subConstant, joinConstant, joinMaskConstant, packedBool, boundInWord,
    stateVar: packedBool.size || boundInWord ? STATE_WITH_FIELDS : 'marking',
  };
}

/** Bit number of a packed bool field: the first packed field takes bit 255, the next 254, ... */
export function packedBit(ctx: ProcessContext, field: number): number {
  return 255 - [...ctx.packedBool.keys()].indexOf(field);
}

/**
 * The typed model of a Solidity source file. Features add declarations and statements to it
 * (through ContractBuilder); print-solidity.ts alone turns it into text. Type names and
 * identifiers in here are always generator-made (derived identifiers, fixed type names); user
 * text enters only as `str` literal expressions and NatSpec text, which the printer escapes.
 */
export type Expr =
  | { kind: 'id'; name: string }
  | { kind: 'num'; value: bigint; hex?: boolean }
  | { kind: 'bool'; value: boolean }
  | { kind: 'str'; value: string }
  | { kind: 'bin'; op: BinOp; left: Expr; right: Expr }
  | { kind: 'un'; op: '!' | '~' | '-' | '++'; arg: Expr }
  | { kind: 'call'; fn: Expr; args: Expr[] }
  | { kind: 'member'; obj: Expr; name: string }
  | { kind: 'index'; obj: Expr; index: Expr };

export type BinOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '|' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/';

export type Statement =
  | { kind: 'let'; type: string; name: string; value?: Expr }
  | { kind: 'assign'; target: Expr; op: '=' | '|=' | '&='; value: Expr }
  | { kind: 'if'; cond: Expr; then: Statement[]; else?: Statement[] }
  | { kind: 'for'; index: string; bound: Expr; body: Statement[] }
  /** Arithmetic without overflow checks, where overflow cannot happen (say why in a comment before it). */
  | { kind: 'unchecked'; body: Statement[] }
  | { kind: 'revert'; error: string; args: Expr[] }
  | { kind: 'emit'; event: string; args: Expr[] }
  | { kind: 'return'; value?: Expr }
  | { kind: 'expr'; expr: Expr }
  | { kind: 'comment'; text: string };

export interface NatSpec {
  title?: string;
  author?: string;
  notice?: string[];
  dev?: string[];
  params?: { name: string; text: string }[];
  returns?: { name: string; text: string }[];
}

export interface Param {
  type: string;
  name: string;
  location?: 'memory' | 'calldata' | 'storage';
  indexed?: boolean;
}

export interface ConstantDecl {
  type: string;
  name: string;
  value: Expr;
  visibility: 'private' | 'internal' | 'public';
  natspec?: NatSpec;
}

export interface StateVarDecl {
  type: string;
  name: string;
  visibility: 'private' | 'internal' | 'public';
  immutable?: boolean;
  natspec?: NatSpec;
}

export interface StructDecl {
  name: string;
  members: { type: string; name: string }[];
  natspec?: NatSpec;
}

/** A Solidity enum (an enum field's values, see add-enum-types.ts). */
export interface EnumDecl {
  name: string;
  members: string[];
  natspec?: NatSpec;
}

export interface ErrorDecl {
  name: string;
  params: Param[];
  natspec?: NatSpec;
}

export interface EventDecl {
  name: string;
  params: Param[];
  natspec?: NatSpec;
}

export type Mutability = 'nonpayable' | 'view' | 'pure';

export interface FunctionDecl {
  /** Empty for the constructor. */
  name: string;
  kind: 'function' | 'constructor';
  visibility: 'external' | 'public' | 'internal' | 'private';
  mutability: Mutability;
  params: Param[];
  returns: Param[];
  /** Absent in interfaces. */
  body?: Statement[];
  natspec?: NatSpec;
  /** The BPMN element this function implements, so the IDE can reveal its code. */
  elementId?: string;
}

export interface ContractDecl {
  kind: 'contract' | 'interface';
  name: string;
  natspec?: NatSpec;
  constants: ConstantDecl[];
  stateVars: StateVarDecl[];
  structs: StructDecl[];
  /** Printed before the structs; absent: none. */
  enums?: EnumDecl[];
  errors: ErrorDecl[];
  events: EventDecl[];
  functions: FunctionDecl[];
}

export interface SourceUnit {
  license: string;
  pragma: string;
  /** Plain `//` comment lines at the top of the file. */
  header: string[];
  contracts: ContractDecl[];
}

// small constructors that keep feature code readable
export const id = (name: string): Expr => ({ kind: 'id', name });
export const num = (value: bigint | number): Expr => ({ kind: 'num', value: BigInt(value) });
export const str = (value: string): Expr => ({ kind: 'str', value });
export const bin = (op: BinOp, left: Expr, right: Expr): Expr => ({ kind: 'bin', op, left, right });
export const call = (fn: string | Expr, ...args: Expr[]): Expr => ({ kind: 'call', fn: typeof fn === 'string' ? id(fn) : fn, args });
export const member = (obj: Expr, name: string): Expr => ({ kind: 'member', obj, name });
export const index = (obj: Expr, i: Expr): Expr => ({ kind: 'index', obj, index: i });
export const not = (arg: Expr): Expr => ({ kind: 'un', op: '!', arg });
export const inv = (arg: Expr): Expr => ({ kind: 'un', op: '~', arg });
export const MSG_SENDER = member(id('msg'), 'sender');

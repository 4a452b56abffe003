/**
 * Builds one ContractDecl. Adding a declaration twice is harmless (features may each ask for
 * the same error), and additions report whether they added anything, as in the OpenZeppelin
 * wizard's builder.
 */
import type {
  ConstantDecl, ContractDecl, EnumDecl, ErrorDecl, EventDecl, FunctionDecl, NatSpec, StateVarDecl, StructDecl,
} from './contract-model.js';

export class ContractBuilder {
  readonly contract: ContractDecl;

  constructor(name: string, kind: ContractDecl['kind'] = 'contract', natspec?: NatSpec) {
    this.contract = { kind, name, natspec, constants: [], stateVars: [], structs: [], errors: [], events: [], functions: [] };
  }

  addConstant(decl: ConstantDecl): boolean {
    return addUnique(this.contract.constants, decl);
  }

  addStateVar(decl: StateVarDecl): boolean {
    return addUnique(this.contract.stateVars, decl);
  }

  addStruct(decl: StructDecl): boolean {
    return addUnique(this.contract.structs, decl);
  }

  addEnum(decl: EnumDecl): boolean {
    return addUnique((this.contract.enums ??= []), decl);
  }

  addError(decl: ErrorDecl): boolean {
    return addUnique(this.contract.errors, decl);
  }

  addEvent(decl: EventDecl): boolean {
    return addUnique(this.contract.events, decl);
  }

  addFunction(decl: FunctionDecl): boolean {
    const key = (f: FunctionDecl) => `${f.kind}:${f.name}`;
    if (this.contract.functions.some((f) => key(f) === key(decl))) return false;
    this.contract.functions.push(decl);
    return true;
  }
}

function addUnique<T extends { name: string }>(list: T[], decl: T): boolean {
  if (list.some((d) => d.name === decl.name)) return false;
  list.push(decl);
  return true;
}

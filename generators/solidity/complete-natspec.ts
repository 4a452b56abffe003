/**
 * Last step before printing: every contract, function, event and error gets complete NatSpec
 * (title and author on contracts, a notice, one @param per parameter, one @return per named or
 * unnamed return value), so the generated code reads well in explorers and passes solhint's
 * use-natspec rule. Features document what they know; this pass fills the rest from a small
 * dictionary of the names the generator itself uses, and from `describe` for model-derived names.
 */
import type { ContractDecl, NatSpec, Param } from './contract-model.js';

export const GENERATED_AUTHOR = 'ChainFlow Studio code generator';

const KNOWN: Record<string, string> = {
  instanceId: 'The process instance.',
  by: 'The account that acted.',
  account: 'The member account.',
  accounts: 'The member accounts.',
  roles: 'Role bits, one per workspace role.',
  organization: 'Organization number, 1-based as in the workspace; 0 for none.',
  organizations: 'Organization numbers, one per account.',
  process: 'The process contract.',
  previousAdmin: 'The operator before the change.',
  newAdmin: 'The new operator.',
  registry_: 'The consortium registry that attaches this process.',
  choice: 'The outgoing flow chosen at the gateway that follows (1..n; 0 takes the default flow).',
  m: 'The marking (and packed fields) to route from.',
  value: 'The unsigned value to convert.',
  caller: 'The account that called.',
  task: 'The task, by the name modelers gave it.',
  role: 'The role, by name.',
  gateway: 'The gateway, by name.',
  field: 'The field, by its label.',
  timer: 'The timer: its index (events) or its name (errors), as in the manifest.',
  dueAt: 'When the timer may be triggered (block time, Unix seconds).',
  armed: 'Marking bits the routing newly set.',
  nominee: 'The participant nominated for the role.',
  bound: 'The participant the role is bound to in this instance.',
};

export function completeNatSpec(contract: ContractDecl, describe: (name: string) => string | undefined = () => undefined): void {
  const text = (name: string) => describe(name) ?? KNOWN[name] ?? `The ${name.replace(/_+$/, '')}.`;
  const complete = (n: NatSpec | undefined, params: Param[], fallbackNotice: string, returns: Param[] = []): NatSpec => {
    const out: NatSpec = { ...n };
    if (!out.notice?.length) {
      // a lone @dev line becomes the notice: it is what the reader needs first
      out.notice = out.dev?.length ? [out.dev[0]] : [fallbackNotice];
      if (out.dev?.length) out.dev = out.dev.slice(1);
    }
    const given = new Map((out.params ?? []).map((p) => [p.name, p.text]));
    out.params = params.filter((p) => p.name).map((p) => ({ name: p.name, text: given.get(p.name) || text(p.name) }));
    const givenReturns = new Map((out.returns ?? []).map((r) => [r.name, r.text]));
    out.returns = returns.map((r) => ({ name: r.name, text: givenReturns.get(r.name) || (r.name ? text(r.name) : 'The result.') }));
    return out;
  };
  contract.natspec = { ...complete(contract.natspec, [], `${contract.name}.`), title: contract.natspec?.title ?? contract.name, author: GENERATED_AUTHOR };
  for (const f of contract.functions) {
    f.natspec = complete(f.natspec, f.params, f.kind === 'constructor' ? `Creates the ${contract.name}.` : `${f.name}.`, f.returns);
  }
  for (const e of contract.events) e.natspec = complete(e.natspec, e.params, `${e.name}.`);
  for (const e of contract.errors) e.natspec = complete(e.natspec, e.params, `${e.name}.`);
}

/**
 * The scope part of the IR: each embedded subprocess (its bit, the bits inside it, where its start
 * leads, where it continues), each error boundary on one, and which boundary catches each error end.
 * Errors are matched from the innermost enclosing subprocess outwards; on one subprocess a boundary
 * naming the error wins over one that catches any error. An error end nothing catches is refused.
 */
import { error, type Problem } from '../problems.js';
import type { BpmnFlowNode } from '../bpmn/moddle-types.js';
import { deriveIdentifier, IdentifierScope } from '../naming/derive-identifier.js';
import type { EndIR, ErrorBoundaryIR, FlowTarget, SubProcessIR } from './process-ir.js';
import { errorCodeOf, isErrorEnd } from './read-subprocesses.js';

type Where = Omit<Problem, 'severity' | 'message'>;

export interface SubprocessInput {
  /** The scopes of a collaboration's pools and the collaboration itself (rewrite-collaboration.ts): an error nothing catches ends the pool. */
  poolScopes?: ReadonlySet<string>;
  subNodes: BpmnFlowNode[];
  /** Marking bit of each subprocess, by index. */
  subBit: number[];
  /** The none start events inside each subprocess, by subprocess id. */
  innerStarts: Map<string, BpmnFlowNode[]>;
  errorBoundaryNodes: BpmnFlowNode[];
  /** Element id -> id of the innermost subprocess holding it. */
  scopeOf: Map<string, string>;
  /** The ends as built (their `throws` and `errorCode` are filled in here), with their nodes in the same order. */
  ends: EndIR[];
  endNodes: BpmnFlowNode[];
  /** Every marking bit but the subprocesses' own, with the element it belongs to (a join input: its gateway). */
  bitsOf: { id: string; bit: number }[];
  nextOf: (node: BpmnFlowNode) => FlowTarget | undefined;
  label: (node: BpmnFlowNode) => string;
  at: (kind: string, id: string) => Where;
  problems: Problem[];
}

const NOWHERE: FlowTarget = { kind: 'end', index: -1 };

export function buildSubprocesses(input: SubprocessInput): { subprocesses: SubProcessIR[]; errorBoundaries: ErrorBoundaryIR[] } {
  const { subNodes, scopeOf, label, at, problems } = input;
  const subIndex = new Map(subNodes.map((n, i) => [n.id, i]));
  const names = new IdentifierScope();
  const subprocesses: SubProcessIR[] = subNodes.map((node, k) => {
    const starts = input.innerStarts.get(node.id) ?? [];
    if (starts.length === 0) problems.push(error(`subprocess ${label(node)} needs one none start event inside`, at('subprocesses', node.id)));
    for (const extra of starts.slice(1)) problems.push(error(`a second start event ${label(extra)} in subprocess ${label(node)}: a subprocess has exactly one none start event`, at('events', extra.id)));
    if ((node.incoming ?? []).length === 0) problems.push(error(`subprocess ${label(node)} has no incoming flow`, at('subprocesses', node.id)));
    const parent = subIndex.get(scopeOf.get(node.id) ?? '');
    return {
      elementId: node.id, name: node.name?.trim() || node.id, identifier: '', bit: input.subBit[k],
      ...(parent !== undefined ? { parent } : {}), inner: [],
      entry: (starts[0] && input.nextOf(starts[0])) ?? NOWHERE, next: input.nextOf(node) ?? NOWHERE,
    };
  });
  // stable identifiers by element id
  [...subprocesses].sort((a, b) => (a.elementId < b.elementId ? -1 : 1)).forEach((s) => {
    s.identifier = names.claim(deriveIdentifier(s.name === s.elementId ? undefined : s.name, s.elementId, 'pascal'));
  });

  // the bits inside each subprocess: every bit whose element sits in it, at any depth
  const enclosing = (id: string): number[] => {
    const out: number[] = [];
    for (let s = scopeOf.get(id); s !== undefined; s = scopeOf.get(s)) if (subIndex.has(s)) out.push(subIndex.get(s)!);
    return out;
  };
  for (const { id, bit } of [...input.bitsOf, ...subprocesses.map((s) => ({ id: s.elementId, bit: s.bit }))]) {
    for (const k of enclosing(id)) subprocesses[k].inner.push(bit);
  }
  subprocesses.forEach((s) => s.inner.sort((a, b) => a - b));

  const errorBoundaries: ErrorBoundaryIR[] = input.errorBoundaryNodes.map((node) => {
    if (node.get('cancelActivity') === false) problems.push(error(`error boundary event ${label(node)} is non-interrupting; an error always interrupts its subprocess`, at('events', node.id)));
    const code = errorCodeOf(node);
    return {
      elementId: node.id, name: node.name?.trim() || node.id, identifier: '', attachedTo: subIndex.get(node.attachedToRef!.id)!,
      ...(code !== undefined ? { errorCode: code } : {}), next: input.nextOf(node) ?? NOWHERE,
    };
  });
  [...errorBoundaries].sort((a, b) => (a.elementId < b.elementId ? -1 : 1)).forEach((b) => {
    b.identifier = names.claim(deriveIdentifier(b.name === b.elementId ? undefined : b.name, b.elementId, 'pascal'));
  });

  input.endNodes.forEach((node, e) => {
    if (!isErrorEnd(node)) return;
    const code = errorCodeOf(node);
    const end = input.ends[e];
    end.errorCode = code ?? end.name;
    // at the process level nothing can catch it: the process ends abnormally, as at a terminate end
    // (BPMN); inside a call activity the caller's error boundary on it catches it (expand-call-activities.ts)
    // in a pool of a collaboration (no subprocess of its own around it): it ends that pool, as a terminate end
    if (enclosing(node.id).every((k) => input.poolScopes?.has(subNodes[k].id))) {
      end.terminate = true;
      return;
    }
    for (const k of enclosing(node.id)) {
      const on = errorBoundaries.flatMap((b, i) => (b.attachedTo === k ? [i] : []));
      const hit = on.find((i) => code !== undefined && errorBoundaries[i].errorCode === code) ?? on.find((i) => errorBoundaries[i].errorCode === undefined);
      if (hit !== undefined) {
        end.throws = hit;
        return;
      }
    }
    const what = code !== undefined ? `error "${code}"` : 'an error';
    problems.push(error(`error end event ${label(node)} throws ${what}, but no error boundary event of an enclosing subprocess catches it; attach one${code !== undefined ? ` (for "${code}", or without error)` : ''} to the subprocess`, at('events', node.id)));
  });
  return { subprocesses, errorBoundaries };
}

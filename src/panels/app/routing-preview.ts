/**
 * What a step's values will decide, shown before it is sent: the gateways the step reaches right
 * after the task (through merging or parallel gateways), each conditional flow with its condition
 * evaluated on the values typed so far, with the FEEL evaluator the reference interpreter uses
 * (generators/feel), so "defects <= 2 -> Accept delivery" says now whether it holds. An exclusive
 * (or inclusive) split without a default whose conditions all fail would revert with
 * NoBranchMatches: that is reported so the form refuses in words before sending. Pure, no DOM
 * (the graph is read by read-routing-graph.ts).
 */
import { compileCondition, type FieldInScope } from '../../../generators/feel/check-feel.js';
import { evaluateCondition, FeelRuntimeError, type FeelValue } from '../../../generators/feel/evaluate-feel.js';
import type { TypedExpr } from '../../../generators/feel/feel-ast.js';
import { namesRead } from '../../../generators/feel/names-read.js';

export type GatewayType = 'exclusive' | 'inclusive' | 'parallel' | 'eventBased' | 'complex';

export interface RoutingGraph {
  /** Element id -> its name (or id) and, for gateways, the gateway type and default flow. */
  nodes: Record<string, { name: string; gateway?: GatewayType; defaultFlow?: string }>;
  flows: { id: string; source: string; target: string; name?: string; condition?: string }[];
}

export type BranchState = 'taken' | 'not-taken' | 'unknown' | 'reverts';

export interface BranchPreview {
  flowId: string;
  condition: string;
  /** Where the branch goes: the flow's name, else its target's. */
  to: string;
  /** Field names the condition reads. */
  reads: string[];
  state: BranchState;
  /** Why it reverts, or which fields are not known yet. */
  detail?: string;
  /** Fields it read from earlier steps (not from this form): such a branch never makes the form refuse. */
  earlier: string[];
}

export interface GatewayPreview {
  gatewayId: string;
  name: string;
  branches: BranchPreview[];
  /** Where the default flow goes, when there is one. */
  defaultTo?: string;
  /** The default flow is taken (every condition known and false). */
  defaultTaken: boolean;
  /** No flow would be taken: the step reverts with NoBranchMatches. */
  noBranch: boolean;
}

const label = (graph: RoutingGraph, flow: RoutingGraph['flows'][number]) => flow.name ?? graph.nodes[flow.target]?.name ?? flow.target;

/** The gateways with conditions that a step completing `elementId` decides, in flow order. */
export function decidedGateways(graph: RoutingGraph, elementId: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    for (const flow of graph.flows.filter((f) => f.source === id)) {
      const target = graph.nodes[flow.target];
      if (!target?.gateway || seen.has(flow.target)) continue;
      seen.add(flow.target);
      const out = graph.flows.filter((f) => f.source === flow.target);
      if (out.some((f) => f.condition !== undefined)) found.push(flow.target);
      // a merge or a parallel split passes the token on in the same step
      else if (target.gateway === 'parallel' || out.length === 1) visit(flow.target);
    }
  };
  visit(elementId);
  return found;
}

/** Compiles the conditions once per process (the fields in scope are the process's fields). */
export function compileConditions(graph: RoutingGraph, fields: readonly FieldInScope[]): Map<string, { expr?: TypedExpr; error?: string }> {
  const compiled = new Map<string, { expr?: TypedExpr; error?: string }>();
  for (const flow of graph.flows) {
    if (flow.condition === undefined) continue;
    const result = compileCondition(flow.condition, fields);
    compiled.set(flow.id, result.ok ? { expr: result.expr } : { error: result.message });
  }
  return compiled;
}

/**
 * The preview of each gateway the step decides. `values`: field name -> the value the step will
 * have (typed in the form, or known from earlier steps); absent: not known, so a condition reading
 * it is 'unknown' and never makes the step refused. `formFields`: the fields this form sends; a
 * condition reading any other field is shown but never refuses the step (what was read from earlier
 * steps may lag the chain by a block). Without it every field counts as the form's.
 */
export function previewRouting(
  graph: RoutingGraph,
  elementId: string,
  fields: readonly FieldInScope[],
  compiled: Map<string, { expr?: TypedExpr; error?: string }>,
  values: Readonly<Record<string, FeelValue | undefined>>,
  formFields?: ReadonlySet<string>,
): GatewayPreview[] {
  const ordered = fields.map((f) => values[f.name]);
  return decidedGateways(graph, elementId).map((gatewayId) => {
    const node = graph.nodes[gatewayId];
    const exclusive = node.gateway !== 'inclusive';
    let decided = false;
    const branches = graph.flows
      .filter((f) => f.source === gatewayId && f.condition !== undefined)
      .map((flow): BranchPreview => {
        const reads = namesRead(flow.condition!) ?? [];
        const earlier = formFields ? reads.filter((name) => !formFields.has(name)) : [];
        const base = { flowId: flow.id, condition: flow.condition!, to: label(graph, flow), reads, earlier };
        const c = compiled.get(flow.id);
        if (!c?.expr) return { ...base, state: 'unknown', detail: c?.error };
        const missing = reads.filter((name) => values[name] === undefined);
        if (missing.length > 0) return { ...base, state: 'unknown', detail: missing.join(', ') };
        if (exclusive && decided) return { ...base, state: 'not-taken' };
        try {
          const holds = evaluateCondition(c.expr, ordered as FeelValue[]);
          if (holds) decided = true;
          return { ...base, state: holds ? 'taken' : 'not-taken' };
        } catch (e) {
          return { ...base, state: 'reverts', detail: e instanceof FeelRuntimeError ? `${e.errorName}: ${e.message}` : String(e) };
        }
      });
    const defaultFlow = graph.flows.find((f) => f.id === node.defaultFlow);
    // a flow without a condition (not the default) is always taken
    const alwaysTaken = graph.flows.some((f) => f.source === gatewayId && f.condition === undefined && f.id !== node.defaultFlow);
    const allKnownFalse = !alwaysTaken && branches.every((b) => b.state === 'not-taken');
    const decisive = branches.every((b) => b.earlier.length === 0);
    return {
      gatewayId,
      name: node.name,
      branches,
      defaultTo: defaultFlow ? label(graph, defaultFlow) : undefined,
      defaultTaken: Boolean(defaultFlow) && allKnownFalse,
      noBranch: !defaultFlow && branches.length > 0 && allKnownFalse && decisive,
    };
  });
}

/** Whether the previews say the step would revert: no branch taken, or a condition that reverts. */
export function blockingPreview(previews: readonly GatewayPreview[]): { gateway: GatewayPreview; branch?: BranchPreview } | undefined {
  for (const gateway of previews) {
    const reverting = gateway.branches.find((b) => b.state === 'reverts' && b.earlier.length === 0);
    if (reverting) return { gateway, branch: reverting };
    if (gateway.noBranch) return { gateway };
  }
  return undefined;
}

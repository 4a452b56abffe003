/**
 * The bpmnlint set-up of the modeler: bpmnlint's recommended rules plus the project's own
 * (plugin name `chainflow`), as the `{ config, resolver }` pair bpmn-js-bpmnlint and bpmnlint's
 * Linter take. `conditional-flows` is off: a ChainFlow exclusive gateway without conditions is
 * decided by the participant (docs/process-format.md), which `chainflow/exclusive-decision` checks.
 */
/// <reference path="./bpmnlint.d.ts" />
import { Linter, type LintReport } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended.js';
import type { Problem } from '../../../../generators/problems.js';
import { recommendedRules } from './recommended-rules.js';
import exclusiveDecision from './rules/exclusive-decision.js';
import fieldWrittenBeforeRead from './rules/field-written-before-read.js';
import noExclusiveJoinDeadlock from './rules/no-exclusive-join-deadlock.js';
import noUnreachable from './rules/no-unreachable.js';
import taskRole from './rules/task-role.js';

const PLUGIN = 'bpmnlint-plugin-chainflow';

export const chainflowRules: Record<string, (config?: unknown) => unknown> = {
  'task-role': taskRole,
  'exclusive-decision': exclusiveDecision,
  'no-exclusive-join-deadlock': noExclusiveJoinDeadlock,
  'no-unreachable': noUnreachable,
  'field-written-before-read': fieldWrittenBeforeRead,
};

export const lintRules: Record<string, string> = {
  ...recommended.rules,
  'conditional-flows': 'off',
  'chainflow/task-role': 'error',
  'chainflow/exclusive-decision': 'error',
  'chainflow/no-exclusive-join-deadlock': 'error',
  'chainflow/no-unreachable': 'warn',
  'chainflow/field-written-before-read': 'error',
};

export const lintResolver = {
  resolveRule(pkg: string, ruleName: string) {
    const rule = pkg === 'bpmnlint' ? recommendedRules[ruleName] : pkg === PLUGIN ? chainflowRules[ruleName] : undefined;
    if (!rule) throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
    return rule;
  },
  resolveConfig(pkg: string, name: string): never {
    throw new Error(`lint configs are built in code; ${pkg}/${name} cannot be loaded`);
  },
};

/** What bpmn-js-bpmnlint's `linting.bpmnlint` option takes. */
export const lintConfig = { config: { rules: lintRules }, resolver: lintResolver };

export type LintResults = Record<string, LintReport[]>;

/** Turns bpmnlint's results (keyed by rule) into the IDE's problems for one process file. */
export function lintProblems(results: LintResults, file: string): Problem[] {
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r): Problem => ({
      severity: r.category === 'error' || r.category === 'rule-error' ? 'error' : 'warning',
      message: `${r.message} (${rule})`,
      file,
      ...(r.id ? { elementId: r.id } : {}),
    })),
  );
}

/** Lints a bpmn-moddle definitions tree (the modeler's, or one read in Node). */
export async function lintDefinitions(definitions: unknown, file: string): Promise<Problem[]> {
  const linter = new Linter(lintConfig);
  return lintProblems(await linter.lint(definitions), file);
}

/** bpmn-js-bpmnlint's `linting.completed` issues (keyed by the element shown) as problems. */
export function lintIssueProblems(issues: Record<string, (LintReport & { rule?: string })[]>, file: string): Problem[] {
  return Object.entries(issues).flatMap(([elementId, reports]) =>
    reports.map((r): Problem => ({
      severity: r.category === 'error' || r.category === 'rule-error' ? 'error' : 'warning',
      message: r.rule ? `${r.message} (${r.rule})` : r.message,
      file,
      elementId,
    })),
  );
}

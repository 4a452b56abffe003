/** Which names a FEEL condition reads: what data-flow checks and the permission matrix need from it. */
import type { FeelExpr } from './feel-ast.js';
import { parseFeel } from './parse-feel.js';

/** Names a condition reads, in first-seen order, or undefined when it does not parse. */
export function namesRead(condition: string): string[] | undefined {
  const parsed = parseFeel(condition);
  if (!parsed.ok) return undefined;
  const names = new Set<string>();
  const visit = (e: FeelExpr): void => {
    if (e.kind === 'name') names.add(e.name);
    else if (e.kind === 'not' || e.kind === 'neg') visit(e.arg);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(parsed.expr);
  return [...names];
}

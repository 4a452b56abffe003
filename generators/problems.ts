/**
 * Problems are data, never exceptions: every step of the pipeline returns the problems it found,
 * each saying where (a JSON path in the workspace, a BPMN element id, or both) so the IDE can pin
 * it on a form field or a diagram element and the CLI can print `file: element id: message`.
 */
export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Problem {
  severity: Severity;
  message: string;
  /** Path inside the workspace JSON, e.g. `processes[0].tasks.ship` or `participants[2].roles[0]`. */
  path?: string;
  /** The file the problem is in: a process's BPMN file name, or the workspace file. */
  file?: string;
  /** The BPMN element the problem is about. */
  elementId?: string;
}

export function error(message: string, where: Omit<Problem, 'severity' | 'message'> = {}): Problem {
  return { severity: 'error', message, ...where };
}

export function warning(message: string, where: Omit<Problem, 'severity' | 'message'> = {}): Problem {
  return { severity: 'warning', message, ...where };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One line per problem, as the CLI prints it: `file: element id: message` (parts that are unknown are left out). */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.elementId ?? p.path].filter(Boolean).join(': ');
  return where ? `${where}: ${p.message}` : p.message;
}

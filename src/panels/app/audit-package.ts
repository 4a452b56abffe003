/**
 * The regulator's audit package: every step of every instance as CSV rows and as one JSON
 * document that also names the chain, the contracts and the ledger's integrity check result.
 * Pure: the panel gathers histories and block times, this turns them into the two files' text.
 */
import type { AppManifest, DeploymentRecord } from '../../../generators/index.js';
import type { DescribedStep } from './describe-steps.js';

/**
 * Version of the package's layout, in the JSON's `format` (docs/generated-app.md, "Audit package").
 * 2: rows carry `what` (the timeline's words; last CSV column) and the steps of message, service,
 * error and subprocess elements (step kinds requested, sent, errorCaught, ...); 1 had neither.
 */
export const AUDIT_FORMAT = 'chainflow-audit/2' as const;

export interface AuditRow {
  process: string;
  processId: string;
  instanceId: string;
  step: DescribedStep['kind'];
  task: string;
  /** What the step says in words, as the instance's timeline says it (empty when no words were given). */
  what: string;
  elementId: string;
  participant: string;
  organization: string;
  address: string;
  /** ISO 8601 in UTC, empty when the block's time is unknown. */
  timestamp: string;
  blockNumber: number;
  txHash: string;
  /** Field label -> value as read from the chain (an enum by its value's text, a decimal exactly in its unit); the chosen flow under "→". */
  data: Record<string, string>;
}

export interface AuditInstance {
  processId: string;
  instanceId: bigint;
  steps: DescribedStep[];
}

/** Whatever `ledger_verify` answered, or why there is no answer. */
export type IntegrityResult = { integrity: 'not available' } | { integrity: 'failed'; error: string } | ({ integrity: 'checked' } & Record<string, unknown>);

/**
 * One row per timeline entry, in the timeline's order: give each instance's steps as
 * instanceTimeline builds them (with service requests, sent messages and caught errors) and the
 * timeline's words (timelineTitle with the app's `t`).
 */
export function auditRows(manifest: AppManifest, instances: AuditInstance[], words?: (step: DescribedStep) => string): AuditRow[] {
  return instances.flatMap(({ processId, instanceId, steps }) => {
    const process = manifest.processes.find((p) => p.id === processId);
    return steps.map((s) => ({
      process: process?.name ?? processId,
      processId,
      instanceId: instanceId.toString(),
      step: s.kind,
      task: s.name,
      what: words?.(s) ?? '',
      elementId: s.elementId,
      participant: s.by?.name ?? '',
      organization: s.by?.organization ?? '',
      address: s.by?.address ?? '',
      timestamp: s.timestamp === undefined ? '' : new Date(s.timestamp * 1000).toISOString(),
      blockNumber: s.blockNumber,
      txHash: s.txHash,
      data: {
        ...Object.fromEntries(s.values.map((v) => [v.label, v.audit ?? v.raw])),
        ...(s.chosenFlow !== undefined ? { '→': s.chosenFlow } : {}),
      },
    }));
  });
}

export const CSV_COLUMNS = [
  'process', 'instance', 'step', 'task', 'element', 'participant', 'organization', 'address',
  'timestamp', 'block', 'tx hash', 'data',
  // added last so that readers of the earlier columns by position keep working
  'what',
] as const;

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return:
 * CSV injection, e.g. a participant named "=HYPERLINK(…)") gets a leading apostrophe, which
 * spreadsheets show as text. The JSON file keeps every value exactly as on the chain.
 */
export function neutralizeFormula(value: string | number): string {
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * RFC 4180 text with CRLF line ends and a UTF-8 byte order mark, so spreadsheets read Chinese;
 * every cell is guarded against formula injection.
 */
export function auditCsv(rows: AuditRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.process, r.instanceId, r.step, r.task, r.elementId, r.participant, r.organization, r.address, r.timestamp, r.blockNumber, r.txHash, JSON.stringify(r.data), r.what]
        .map((cell) => csvField(neutralizeFormula(cell)))
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function auditJson(
  manifest: AppManifest,
  deployment: DeploymentRecord,
  rows: AuditRow[],
  integrity: IntegrityResult,
  exportedAt: Date,
): string {
  const doc = {
    format: AUDIT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    workspace: manifest.workspaceName,
    network: deployment.network,
    chainId: deployment.chainId,
    registry: deployment.registry.address,
    processes: manifest.processes.map((p) => ({ id: p.id, name: p.name, address: deployment.processes[p.id]?.address ?? null })),
    integrity,
    steps: rows,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The regulator's audit export: reads every instance of every deployed process with its full
 * history and block times straight from the chain, asks the ledger to verify itself, and hands
 * back the two files' text (the panel saves them). The builders are pure (panels/app/audit-package.ts)
 * and loaded with the export.
 */
import { errorMessage, type SliceContext } from './store-types.js';

export interface AuditFiles {
  /** File name without extension, e.g. "order-fulfilment-audit-2026-05-01T10-00-00Z". */
  baseName: string;
  csv: string;
  json: string;
  steps: number;
  instances: number;
  integrity: string;
}

export interface AuditState {
  auditStatus: 'idle' | 'working' | 'done' | 'failed';
  auditError?: string;
  /** What the last export held, for the status line. */
  auditSummary?: { steps: number; instances: number; integrity: string };
}

export const initialAuditState: AuditState = { auditStatus: 'idle' };

const builders = () =>
  Promise.all([
    import('../panels/app/audit-package.js'),
    import('../panels/app/instance-timeline.js'),
    import('../panels/app/ledger-integrity.js'),
    import('../panels/app/process-events.js'),
    import('../i18n/i18n.js'),
  ]);

export function auditActions({ get, set, services }: SliceContext) {
  return {
    /**
     * Builds the audit package of the current deployment, of the processes `only` lists (a
     * regulator linked to some processes) or of all; undefined (with auditError set) on failure.
     */
    async exportAudit(now = new Date(), only?: readonly string[]): Promise<AuditFiles | undefined> {
      const deployment = get().deployment;
      if (!deployment) {
        set({ auditStatus: 'failed', auditError: 'nothing is deployed yet: press Deploy first' });
        return undefined;
      }
      set({ auditStatus: 'working', auditError: undefined });
      try {
        const { record } = deployment;
        const manifest = only ? { ...deployment.manifest, processes: deployment.manifest.processes.filter((p) => only.includes(p.id)) } : deployment.manifest;
        const [[audit, timeline, integrityCheck, processEvents, i18n], client, provider] = await Promise.all([
          builders(),
          services.chain.processClient(manifest, record),
          services.chain.provider(),
        ]);
        const lists = await Promise.all(manifest.processes.map((p) => client.listInstances(p.id)));
        const instances = lists.flat().sort((a, b) => a.processId.localeCompare(b.processId) || Number(a.instanceId - b.instanceId));
        const histories = await Promise.all(instances.map((i) => client.history(i.processId, i.instanceId)));
        // the service requests, sent messages and caught errors only the events tell (as the timeline shows them)
        const head = await provider.getBlockNumber();
        const eventLists = await Promise.all(
          manifest.processes.map((p) => {
            const at = record.processes[p.id];
            return at ? processEvents.readProcessEvents(p, at.address, provider, at.blockNumber, head) : [];
          }),
        );
        const byProcess = new Map(manifest.processes.map((p, i) => [p.id, processEvents.eventsByInstance(eventLists[i])]));
        const eventsOf = (processId: string, instanceId: bigint) => byProcess.get(processId)?.get(instanceId.toString()) ?? [];
        const numbers = [...new Set([...histories.flat(), ...eventLists.flat()].map((e) => e.blockNumber))];
        const blocks = await Promise.all(numbers.map((n) => provider.getBlock(n)));
        const times: Record<number, number> = Object.fromEntries(blocks.flatMap((b, i) => (b ? [[numbers[i], b.timestamp]] : [])));
        const integrity = await integrityCheck.checkIntegrity(provider as never);
        const described = instances.map((i, k) => {
          const process = manifest.processes.find((p) => p.id === i.processId)!;
          return { processId: i.processId, instanceId: i.instanceId, steps: timeline.instanceTimeline(manifest, process, histories[k], eventsOf(i.processId, i.instanceId), times) };
        });
        // each row in the words of the timeline, in the language the app speaks now
        const { t } = i18n.createI18n(get().language);
        const rows = audit.auditRows(manifest, described, (step) => timeline.timelineTitle(step, t));
        const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
        const slug = manifest.workspaceName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workspace';
        const summary = { steps: rows.length, instances: instances.length, integrity: integrity.integrity };
        set({ auditStatus: 'done', auditSummary: summary });
        return {
          baseName: `${slug}-audit-${stamp}`,
          csv: audit.auditCsv(rows),
          json: audit.auditJson(manifest, record, rows, integrity, now),
          ...summary,
        };
      } catch (e) {
        set({ auditStatus: 'failed', auditError: errorMessage(e) });
        return undefined;
      }
    },
  };
}

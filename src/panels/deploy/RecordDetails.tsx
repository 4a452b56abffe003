/** What a deployment record says beyond addresses: network, genesis, gas and cost, compiler, source hash; and the record as a file. */
import { formatEther } from 'ethers';
import { useTranslation } from 'react-i18next';
import type { DeploymentRecord } from '../../../generators/index.js';

/** Finished steps of a record: the registry, then each process deployed and attached. */
export function partialSteps(record: DeploymentRecord): number {
  const processes = Object.values(record.processes);
  return (record.registry.address ? 1 : 0) + processes.length + processes.filter((p) => p.attachTxHash).length;
}

export function TxHash({ hash }: { hash?: string }) {
  if (!hash) return <>—</>;
  return <code className="tx-hash" title={hash}>{hash.slice(0, 10)}…{hash.slice(-6)}</code>;
}

export function RecordDetails({ record }: { record: DeploymentRecord }) {
  const { t } = useTranslation();
  const download = () => {
    const blob = new Blob([`${JSON.stringify(record, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `deployment-${record.network.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${record.chainId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <>
      <dl className="record-details" data-testid="deployment-record">
        <dt>{t('deploy.network')}</dt>
        <dd data-testid="record-network">{record.network}{record.rpcUrl && <> · <code>{record.rpcUrl}</code></>}</dd>
        {record.genesisHash && (<><dt>{t('networks.genesis')}</dt><dd><code className="tx-hash" title={record.genesisHash}>{record.genesisHash}</code></dd></>)}
        {record.gasUsed !== undefined && (
          <>
            <dt>{t('networks.gasTotal')}</dt>
            <dd data-testid="record-gas">{BigInt(record.gasUsed).toLocaleString()} · {t('networks.cost', { eth: formatEther(BigInt(record.costWei ?? '0')) })}</dd>
          </>
        )}
        {record.compiler && (<><dt>{t('networks.compiler')}</dt><dd><code>{record.compiler.version}</code> <code>{JSON.stringify(record.compiler.settings)}</code></dd></>)}
        <dt>{t('networks.sourceHash')}</dt>
        <dd><code className="tx-hash" title={record.sourceHash}>{record.sourceHash}</code></dd>
      </dl>
      <div className="button-row">
        <button type="button" className="btn btn-small btn-ghost" data-testid="record-download" onClick={download}>{t('networks.download')}</button>
      </div>
    </>
  );
}

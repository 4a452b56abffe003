/** Deploy: the network, the Deploy action with its steps, and what is deployed now. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeployButton } from '../../app/TopBar.js';
import { selectBuildStatus, selectDeployment, selectDeploymentOutdated } from '../../store/selectors.js';
import { useStudio, useStudioActions, useStudioShallow } from '../../store/studio-context.js';
import type { StudioState } from '../../store/store-types.js';
import { BUNDLED_NETWORK } from '../../store/deploy-slice.js';
import { LedgerTools } from './LedgerTools.js';
import { LedgerVerify } from './LedgerVerify.js';
import { NetworkSection } from './NetworkSection.js';
import { DeveloperExport } from './DeveloperExport.js';
import { partialSteps, RecordDetails, TxHash } from './RecordDetails.js';

const selectDeployView = (s: StudioState) => ({
  deployStatus: s.deployStatus,
  deploySteps: s.deploySteps,
  deployError: s.deployError,
  networkId: s.networkId,
  partial: s.partialDeployment,
});

export default function DeployPanel() {
  const { t, i18n } = useTranslation();
  const deployment = useStudio(selectDeployment);
  const outdated = useStudio(selectDeploymentOutdated);
  const onLedger = useStudio((s) => s.deploymentOnLedger);
  const buildStatus = useStudio(selectBuildStatus);
  const { deployStatus, deploySteps, deployError, networkId, partial } = useStudioShallow(selectDeployView);
  const actions = useStudioActions();

  useEffect(() => {
    void actions.deploy.checkDeployment();
  }, [actions, deployment]);

  return (
    <div className="page" data-testid="deploy-panel">
      <header className="page-header">
        <h1>{t('deploy.title')}</h1>
        <p className="page-lead">{t('deploy.lead')}</p>
      </header>

      <section className="card">
        <NetworkSection />
        {networkId === BUNDLED_NETWORK && <LedgerReset />}
        {networkId === BUNDLED_NETWORK && <LedgerVerify />}
        <div className="button-row">
          <DeployButton testId="deploy-button" />
          {buildStatus !== 'ok' && <span className="hint">{t('deploy.notReady')}</span>}
        </div>
        {outdated && (
          <p className="notice is-warning" data-testid="deploy-outdated">
            {t('deploy.outdated')}
          </p>
        )}
        {deployment && onLedger === 'missing' && (
          <p className="notice is-warning" data-testid="deploy-missing">
            {t('deploy.missingOnLedger')}
          </p>
        )}
        {partial && deployStatus !== 'deploying' && (
          <p className="notice is-warning" data-testid="deploy-partial">
            {t('networks.partial', { done: partialSteps(partial.record), total: 1 + 2 * partial.manifest.processes.length, when: new Date(partial.record.deployedAt).toLocaleString(i18n.language) })}
          </p>
        )}
        {deployError && (
          <p className="notice is-error" data-testid="deploy-error">
            {t('deploy.failed')}: {deployError}
          </p>
        )}
      </section>

      {(deploySteps.length > 0 || deployStatus === 'deploying') && (
        <section className="card">
          <h2>{t('deploy.steps')}</h2>
          <ol className="step-list">
            {deploySteps.map((s, i) => (
              <li key={i} className={`step is-${s.status}`} data-testid="deploy-step" data-status={s.status}>
                <span className="step-name">
                  {t(`deploy.step.${s.step}`)}
                  {s.contractName && <code> {s.contractName}</code>}
                </span>
                <span className="step-status">{t(`deploy.stepStatus.${s.status}`)}</span>
                {s.gasUsed !== undefined && <span className="step-gas">{t('deploy.gas', { gas: s.gasUsed.toLocaleString() })}</span>}
                {s.txHash && (
                  <code className="tx-hash" title={s.txHash}>
                    {s.txHash.slice(0, 10)}…{s.txHash.slice(-6)}
                  </code>
                )}
              </li>
            ))}
            {deployStatus === 'deploying' && <li className="step is-sent">{t('deploy.deploying')}</li>}
          </ol>
        </section>
      )}

      {networkId === BUNDLED_NETWORK && (
        <section className="card">
          <h2>{t('ledgerTools.title')}</h2>
          <LedgerTools />
        </section>
      )}

      {deployment && (
        <section className="card" data-testid="deployment-summary">
          <h2>{t('deploy.current')}</h2>
          <p className="card-note">
            {t('deploy.deployedAt', {
              when: new Date(deployment.record.deployedAt).toLocaleString(i18n.language),
              chainId: deployment.record.chainId,
            })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('deploy.contract')}</th>
                <th>{t('deploy.address')}</th>
                <th>{t('deploy.blockHeader')}</th>
                <th>{t('networks.tx')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{deployment.manifest.registry.contractName}</td>
                <td>
                  <code data-testid="registry-address">{deployment.record.registry.address}</code>
                </td>
                <td>{deployment.record.registry.reused ? t('networks.reused') : deployment.record.registry.blockNumber}</td>
                <td><TxHash hash={deployment.record.registry.txHash} /></td>
              </tr>
              {deployment.manifest.processes.map((p) => {
                const d = deployment.record.processes[p.id];
                return (
                  <tr key={p.id}>
                    <td>{p.contractName}</td>
                    <td>
                      <code>{d?.address ?? '—'}</code>
                    </td>
                    <td>{d?.blockNumber ?? '—'}</td>
                    <td><TxHash hash={d?.txHash} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="card-note card-note-after">
            {t('deploy.deployer')}: <code data-testid="record-deployer">{deployment.record.deployer}</code>
          </p>
          <RecordDetails record={deployment.record} />
        </section>
      )}
      <DeveloperExport />
    </div>
  );
}

/** Deleting the bundled chain takes a second click, with what it means said in between. */
function LedgerReset() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const busy = useStudio((s) => s.ledgerStatus === 'starting' || s.deployStatus === 'deploying');
  const { deploy } = useStudioActions();
  if (!asking) {
    return (
      <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-reset" disabled={busy} onClick={() => setAsking(true)}>
        {t('deploy.resetLedger')}
      </button>
    );
  }
  return (
    <p className="notice is-warning">
      {t('deploy.resetExplain')}{' '}
      <button
        type="button"
        className="btn btn-small"
        data-testid="ledger-reset-confirm"
        onClick={() => {
          setAsking(false);
          void deploy.resetLedger();
        }}
      >
        {t('deploy.resetConfirm')}
      </button>{' '}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(false)}>
        {t('deploy.cancel')}
      </button>
    </p>
  );
}

/**
 * Which chain the IDE deploys to and acts on: the bundled ledger or one of the workspace's
 * JSON-RPC networks, with what the node said on connect (chain id, genesis, client) and the form
 * to add a network. Errors of the form are shown beside their field; nothing is added half-right.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio, useStudioActions, useStudioShallow } from '../../store/studio-context.js';
import { activeNetwork, BUNDLED_NETWORK } from '../../store/deploy-slice.js';
import type { NetworkInput, NetworkProblems } from '../../store/network-edits.js';
import type { StudioState } from '../../store/store-types.js';
import { DeployerChoice } from './DeployerChoice.js';

const selectNetworkView = (s: StudioState) => ({
  networkId: s.networkId,
  networks: s.workspace?.networks,
  check: s.networkCheck,
  ledgerStatus: s.ledgerStatus,
  ledgerError: s.ledgerError,
  blockNumber: s.blockNumber,
  busy: s.deployStatus === 'deploying',
});

export function NetworkSection() {
  const { t } = useTranslation();
  const { networkId, networks, check, ledgerStatus, ledgerError, blockNumber, busy } = useStudioShallow(selectNetworkView);
  const network = useStudio(activeNetwork);
  const { deploy } = useStudioActions();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);

  return (
    <>
      <div className="form-grid">
        <label htmlFor="deploy-network">{t('deploy.network')}</label>
        <span className="inline-row">
          <select id="deploy-network" data-testid="deploy-network" value={networkId} disabled={busy}
            onChange={(e) => { setRemoving(false); void deploy.selectNetwork(e.target.value); }}>
            <option value={BUNDLED_NETWORK}>{t('deploy.bundledLedger')}</option>
            {networks?.map((n) => (
              <option key={n.id} value={n.id}>{n.name}</option>
            ))}
          </select>{' '}
          <button type="button" className="btn btn-small btn-ghost" data-testid="network-add" disabled={busy} onClick={() => setAdding(true)}>
            {t('networks.add')}
          </button>
          {network && (
            <button type="button" className="btn btn-small btn-ghost" data-testid="network-remove" disabled={busy} onClick={() => setRemoving(true)}>
              {t('networks.remove')}
            </button>
          )}
        </span>
        {network && (
          <>
            <span>{t('networks.endpoint')}</span>
            <span><code data-testid="network-url">{network.rpcUrl}</code> · {t('networks.chainId', { id: network.chainId })} · {t(`networks.gasMode.${network.gas}`)}</span>
          </>
        )}
        <span>{network ? t('networks.node') : t('deploy.ledger')}</span>
        <span data-testid="ledger-status" data-status={ledgerStatus}>
          {t(`deploy.ledgerStatus.${ledgerStatus}`)}
          {blockNumber !== undefined && ` · ${t('deploy.block', { number: blockNumber })}`}
          {network && check && (
            <span data-testid="network-check"> · {t('networks.connected', { chainId: check.chainId, client: check.clientVersion ?? '?' })}</span>
          )}
          {ledgerError && <span className="error-text" data-testid="network-error"> {ledgerError}</span>}
        </span>
        {network && check?.genesisHash && (
          <>
            <span>{t('networks.genesis')}</span>
            <code className="tx-hash" title={check.genesisHash}>{check.genesisHash}</code>
          </>
        )}
      </div>
      {network && check?.warnings.map((w) => (
        <p key={w} className="notice is-warning" data-testid="network-warning">{t('networks.mismatch')}: {w}</p>
      ))}
      {network && removing && (
        <p className="notice is-warning">
          {t('networks.removeExplain', { name: network.name })}{' '}
          <button type="button" className="btn btn-small" data-testid="network-remove-confirm"
            onClick={() => { setRemoving(false); void deploy.removeNetwork(network.id); }}>
            {t('networks.removeConfirm')}
          </button>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setRemoving(false)}>{t('deploy.cancel')}</button>
        </p>
      )}
      {network && <DeployerChoice />}
      {adding && <AddNetworkForm onDone={() => setAdding(false)} />}
    </>
  );
}

const EMPTY: NetworkInput = { name: '', rpcUrl: 'http://127.0.0.1:8545', chainId: '', gas: 'free', registryAddress: '' };

function AddNetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { deploy } = useStudioActions();
  const [input, setInput] = useState<NetworkInput>(EMPTY);
  const [problems, setProblems] = useState<NetworkProblems>({});
  const field = (key: 'name' | 'rpcUrl' | 'chainId' | 'registryAddress', extra: { placeholder?: string; inputMode?: 'numeric' } = {}) => (
    <>
      <label htmlFor={`network-${key}`}>{t(`networks.field.${key}`)}</label>
      <span>
        <input id={`network-${key}`} data-testid={`network-${key}`} value={String(input[key] ?? '')} aria-invalid={Boolean(problems[key])}
          onChange={(e) => setInput({ ...input, [key]: e.target.value })} {...extra} />
        {problems[key] && <span className="error-text" data-testid={`network-${key}-error`}> {problems[key]}</span>}
      </span>
    </>
  );
  return (
    <form className="card card-inset" data-testid="network-form"
      onSubmit={(e) => {
        e.preventDefault();
        void deploy.addNetwork(input).then((p) => {
          setProblems(p);
          if (Object.keys(p).length === 0) onDone();
        });
      }}>
      <h3>{t('networks.addTitle')}</h3>
      <p className="card-note">{t('networks.addLead')}</p>
      <div className="form-grid">
        {field('name', { placeholder: t('networks.namePlaceholder') })}
        {field('rpcUrl')}
        {field('chainId', { inputMode: 'numeric' })}
        <label htmlFor="network-gas">{t('networks.field.gas')}</label>
        <select id="network-gas" data-testid="network-gas" value={input.gas} onChange={(e) => setInput({ ...input, gas: e.target.value as NetworkInput['gas'] })}>
          <option value="free">{t('networks.gasMode.free')}</option>
          <option value="market">{t('networks.gasMode.market')}</option>
        </select>
        {field('registryAddress', { placeholder: t('networks.registryPlaceholder') })}
      </div>
      <div className="button-row">
        <button type="submit" className="btn" data-testid="network-save">{t('networks.save')}</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>{t('deploy.cancel')}</button>
      </div>
    </form>
  );
}

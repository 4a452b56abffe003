/**
 * Who signs a deployment to a JSON-RPC network: the consortium operator's key, a participant's own
 * key (both kept encrypted in this browser), or a browser wallet found through EIP-6963 (or
 * window.ethereum). The signer's account becomes the registry's operator.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { watchWallets, type InjectedWallet } from '../../chain/injected-wallets.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import type { DeploySigner } from '../../store/deploy-slice.js';

const OPERATOR = 'operator';
const valueOf = (s: DeploySigner | undefined) => (!s ? OPERATOR : s.kind === 'wallet' ? `wallet:${s.wallet.id}` : `participant:${s.participantId}`);

export function DeployerChoice() {
  const { t } = useTranslation();
  const { deploy } = useStudioActions();
  const chosen = useStudio((s) => s.deploySigner);
  const participants = useStudio((s) => s.workspace?.participants);
  const busy = useStudio((s) => s.deployStatus === 'deploying');
  const [wallets, setWallets] = useState<InjectedWallet[]>([]);
  useEffect(() => watchWallets(window as unknown as Parameters<typeof watchWallets>[0], setWallets), []);
  // a wallet that went away, or a participant removed, is no longer a choice
  useEffect(() => {
    if (chosen?.kind === 'wallet' && !wallets.some((w) => w.id === chosen.wallet.id)) deploy.setDeploySigner(undefined);
    if (chosen?.kind === 'participant' && !participants?.some((p) => p.id === chosen.participantId)) deploy.setDeploySigner(undefined);
  }, [wallets, participants, chosen, deploy]);

  const choose = (value: string) => {
    const [kind, ...rest] = value.split(':');
    const id = rest.join(':');
    const wallet = wallets.find((w) => w.id === id);
    if (kind === 'wallet' && wallet) deploy.setDeploySigner({ kind: 'wallet', wallet });
    else if (kind === 'participant') deploy.setDeploySigner({ kind: 'participant', participantId: id });
    else deploy.setDeploySigner(undefined);
  };

  return (
    <div className="form-grid">
      <label htmlFor="deploy-signer">{t('networks.signWith')}</label>
      <span>
        <select id="deploy-signer" data-testid="deploy-signer" value={valueOf(chosen)} disabled={busy} onChange={(e) => choose(e.target.value)}>
          <option value={OPERATOR}>{t('networks.operatorKey')}</option>
          {participants?.map((p) => (
            <option key={p.id} value={`participant:${p.id}`}>{t('networks.participantKey', { name: p.name })}</option>
          ))}
          {wallets.map((w) => (
            <option key={w.id} value={`wallet:${w.id}`}>{t('networks.wallet', { name: w.name })}</option>
          ))}
        </select>
        {wallets.length === 0 && <span className="hint"> {t('networks.noWallet')}</span>}
      </span>
    </div>
  );
}

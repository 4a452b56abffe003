/**
 * Who signs a deployment to a JSON-RPC network: the consortium operator's key (kept encrypted in
 * this browser) or a browser wallet found through EIP-6963 (or window.ethereum). The wallet's
 * account then becomes the registry's operator.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { watchWallets, type InjectedWallet } from '../../chain/injected-wallets.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

const OPERATOR = 'operator';

export function DeployerChoice() {
  const { t } = useTranslation();
  const { deploy } = useStudioActions();
  const chosen = useStudio((s) => s.deployWallet);
  const busy = useStudio((s) => s.deployStatus === 'deploying');
  const [wallets, setWallets] = useState<InjectedWallet[]>([]);
  useEffect(() => watchWallets(window as unknown as Parameters<typeof watchWallets>[0], setWallets), []);
  // a wallet that went away is no longer a choice
  useEffect(() => {
    if (chosen && !wallets.some((w) => w.id === chosen.id)) deploy.setDeployWallet(undefined);
  }, [wallets, chosen, deploy]);

  return (
    <div className="form-grid">
      <label htmlFor="deploy-signer">{t('networks.signWith')}</label>
      <span>
        <select id="deploy-signer" data-testid="deploy-signer" value={chosen?.id ?? OPERATOR} disabled={busy}
          onChange={(e) => deploy.setDeployWallet(wallets.find((w) => w.id === e.target.value))}>
          <option value={OPERATOR}>{t('networks.operatorKey')}</option>
          {wallets.map((w) => (
            <option key={w.id} value={w.id}>{t('networks.wallet', { name: w.name })}</option>
          ))}
        </select>
        {wallets.length === 0 && <span className="hint"> {t('networks.noWallet')}</span>}
      </span>
    </div>
  );
}

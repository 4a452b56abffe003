/**
 * "Verify ledger": asks the bundled ledger to re-execute its stored chain from genesis and says
 * whether every stored record matches, or which block is damaged. Also shows the check the
 * ledger ran by itself when it loaded (chains up to 2,000 blocks). Talks to the ledger through
 * the provider the deploy actions already hold (custom JSON-RPC methods, see src/ledger).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

type VerifyResult =
  | { ok: true; blocks: number; ms: number }
  | { ok: false; blocks: number; firstBadBlock: number; reason: string; ms: number };

type View = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: VerifyResult; onLoad: boolean } | { state: 'failed'; error: string };

interface RpcSender {
  send(method: string, params: unknown[]): Promise<unknown>;
}

export function LedgerVerify() {
  const { t } = useTranslation();
  const { deploy } = useStudioActions();
  const busy = useStudio((s) => s.ledgerStatus === 'starting' || s.deployStatus === 'deploying');
  const epoch = useStudio((s) => s.ledgerEpoch);
  const [view, setView] = useState<View>({ state: 'idle' });

  const ledger = async (method: string): Promise<unknown> => {
    const provider = (await deploy.connect()) as unknown as Partial<RpcSender>;
    if (typeof provider.send !== 'function') throw new Error('the ledger provider cannot send custom requests');
    return provider.send(method, []);
  };

  // The check the ledger ran when it loaded, if it has finished (a fresh or reset ledger has none).
  useEffect(() => {
    let live = true;
    setView({ state: 'idle' });
    void ledger('ledger_lastVerification')
      .then((status) => {
        const s = status as { state: string; result?: VerifyResult };
        if (live && s.state === 'done' && s.result) setView((v) => (v.state === 'idle' ? { state: 'done', result: s.result!, onLoad: true } : v));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [epoch]);

  const verify = async () => {
    setView({ state: 'running' });
    try {
      setView({ state: 'done', result: (await ledger('ledger_verify')) as VerifyResult, onLoad: false });
    } catch (e) {
      setView({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="button-row">
      <button type="button" className="btn btn-small btn-ghost" data-testid="ledger-verify" disabled={busy || view.state === 'running'} onClick={() => void verify()}>
        {t('deploy.verifyLedger')}
      </button>
      {view.state !== 'idle' && (
        <span
          data-testid="ledger-verify-result"
          data-status={view.state === 'done' ? (view.result.ok ? 'ok' : 'damaged') : view.state}
          data-bad-block={view.state === 'done' && !view.result.ok ? view.result.firstBadBlock : undefined}
          className={view.state === 'done' && view.result.ok ? 'hint' : view.state === 'running' ? 'hint' : 'error-text'}
        >
          {view.state === 'done' && view.onLoad && `${t('deploy.verifiedOnLoad')} `}
          {view.state === 'running' && t('deploy.verifying')}
          {view.state === 'failed' && t('deploy.verifyFailed', { error: view.error })}
          {view.state === 'done' &&
            (view.result.ok
              ? t('deploy.verifyOk', { blocks: view.result.blocks, seconds: (view.result.ms / 1000).toFixed(1) })
              : t('deploy.verifyBad', { block: view.result.firstBadBlock, reason: view.result.reason }))}
        </span>
      )}
    </div>
  );
}

/**
 * Explorer: the bundled ledger's latest blocks, its transactions told in words, the workspace's
 * accounts, and a search by hash, block, address, participant or instance. Follows new blocks.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectDeployment, selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { buildExplorerContext, nameOf, shortHex, type ExplorerContext } from './explorer-context.js';
import { describeTransaction, formatEther, parseSearch, type ChainTx } from './describe-transaction.js';
import './explorer.css';

export default function ExplorerPanel() {
  const { t } = useTranslation();
  const deployment = useStudio(selectDeployment);
  const workspace = useStudio(selectWorkspace);
  const blockNumber = useStudio((s) => s.blockNumber);
  const status = useStudio((s) => s.explorerStatus);
  const error = useStudio((s) => s.explorerError);
  const blocks = useStudio((s) => s.explorerBlocks);
  const txs = useStudio((s) => s.explorerTxs);
  const accounts = useStudio((s) => s.explorerAccounts);
  const actions = useStudioActions();
  const operatorName = t('explorer.operator');
  const ctx = useMemo(
    () => buildExplorerContext({ manifest: deployment?.manifest, record: deployment?.record, workspace, operatorName }),
    [deployment, workspace, operatorName],
  );

  useEffect(() => {
    void actions.deploy.connect().catch(() => undefined);
  }, [actions]);
  // live: every new block (and a ledger reset) reads again
  useEffect(() => {
    if (blockNumber !== undefined) void actions.explorer.refresh();
  }, [actions, blockNumber]);

  const latestTxs = blocks.flatMap((b) => [...b.txHashes].reverse().map((h) => txs[h])).filter((x): x is ChainTx => Boolean(x));

  return (
    <div className="page explorer" data-testid="explorer-panel">
      <header className="page-header">
        <h1>{t('explorer.title')}</h1>
        <p className="page-lead">{t('explorer.lead')}</p>
      </header>
      <SearchBox ctx={ctx} />
      {status === 'failed' && <p className="notice is-error">{error}</p>}
      <section className="card">
        <h2>{t('explorer.transactions')}</h2>
        {latestTxs.length === 0 ? (
          <p className="muted">{blockNumber === undefined ? t('explorer.notConnected') : t('explorer.noBlocks')}</p>
        ) : (
          <ol className="tx-list" data-testid="explorer-latest">
            {latestTxs.map((tx) => (
              <TxItem key={tx.hash} tx={tx} ctx={ctx} />
            ))}
          </ol>
        )}
      </section>
      <div className="page-columns">
        <section className="card">
          <h2>{t('explorer.blocks')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('explorer.block')}</th>
                <th>{t('explorer.hash')}</th>
                <th>{t('explorer.time')}</th>
                <th>{t('explorer.txCount')}</th>
              </tr>
            </thead>
            <tbody>
              {blocks.map((b) => (
                <tr key={b.hash} data-testid="explorer-block-row" data-number={b.number}>
                  <td>{b.number}</td>
                  <td>
                    <code title={b.hash}>{shortHex(b.hash)}</code>
                  </td>
                  <td>{new Date(b.timestamp * 1000).toLocaleTimeString()}</td>
                  <td>{b.txHashes.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>{t('explorer.accounts')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('explorer.name')}</th>
                <th>{t('explorer.account')}</th>
                <th>{t('explorer.balance')}</th>
                <th>{t('explorer.nonce')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.address} data-testid="explorer-account-row" data-address={a.address}>
                  <td>
                    {nameOf(a.address, ctx)}
                    {a.isContract && <span className="muted"> ({t('explorer.contract')})</span>}
                  </td>
                  <td>
                    <code title={a.address}>{shortHex(a.address)}</code>
                  </td>
                  <td>{formatEther(a.balance)}</td>
                  <td>{a.nonce}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

function SearchBox({ ctx }: { ctx: ExplorerContext }) {
  const { t } = useTranslation();
  const search = useStudio((s) => s.explorerSearch);
  const txs = useStudio((s) => s.explorerTxs);
  const { explorer } = useStudioActions();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void explorer.search(text, parseSearch(text, ctx));
  };
  return (
    <section className="card">
      <form className="explorer-search" role="search" onSubmit={submit}>
        <input
          data-testid="explorer-search"
          aria-label={t('explorer.search')}
          placeholder={t('explorer.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn" data-testid="explorer-search-submit">
          {t('explorer.search')}
        </button>
        {search && (
          <button type="button" className="btn btn-ghost" onClick={() => explorer.clearSearch()}>
            {t('explorer.clear')}
          </button>
        )}
      </form>
      {search && (
        <div className="explorer-results" data-testid="explorer-results" data-status={search.status} data-kind={search.kind}>
          <h3>{t('explorer.results', { text: search.text })}</h3>
          {search.status === 'searching' && <p className="muted">{t('explorer.searching')}</p>}
          {search.status === 'failed' && <p className="notice is-error">{search.error}</p>}
          {search.reason && <p className="muted" data-testid="explorer-no-results">{t(`explorer.noResults.${search.reason}`, { text: search.text })}</p>}
          {search.block && (
            <p>
              {t('explorer.block')} {search.block.number} · <code>{search.block.hash}</code> · {new Date(search.block.timestamp * 1000).toLocaleString()}
            </p>
          )}
          {search.account && (
            <p data-testid="explorer-result-account">
              {nameOf(search.account.address, ctx)} · <code>{search.account.address}</code> · {t('explorer.balance')} {formatEther(search.account.balance)} ·{' '}
              {t('explorer.nonce')} {search.account.nonce}
            </p>
          )}
          <ol className="tx-list">
            {search.txHashes.map((h) => txs[h] && <TxItem key={h} tx={txs[h]} ctx={ctx} />)}
          </ol>
        </div>
      )}
    </section>
  );
}

function TxItem({ tx, ctx }: { tx: ChainTx; ctx: ExplorerContext }) {
  const { t } = useTranslation();
  const d = useMemo(() => describeTransaction(tx, ctx), [tx, ctx]);
  return (
    <li className={`tx-item${d.failed ? ' is-failed' : ''}`} data-testid="explorer-tx" data-hash={tx.hash} data-instance={d.instance ? `${d.instance.processId}#${d.instance.instanceId}` : undefined}>
      <span className="tx-story" data-testid="explorer-tx-story">
        {t(`explorer.story.${d.story.key}`, d.story.values)}
      </span>
      {d.failed && <span className="tx-badge">{t('explorer.reverted')}</span>}
      <span className="tx-meta">
        {t('explorer.inBlock', { number: tx.blockNumber })} · <code title={tx.hash}>{shortHex(tx.hash)}</code>
      </span>
      {d.events.length > 0 && (
        <details>
          <summary>
            {t('explorer.events')} ({d.events.length})
          </summary>
          <ul className="tx-events">
            {d.events.map((e, i) => (
              <li key={i} data-testid="explorer-event">
                <strong>{e.name}</strong> <span className="muted">{e.contract}</span>{' '}
                {e.args.map((a) => `${a.name}: ${a.value}`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

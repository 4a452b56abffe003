/**
 * The canvas toolbar's search: type part of a name (Chinese included), Enter focuses the first
 * match, Enter again the next one (Shift+Enter the previous); Escape clears.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsortiumNode } from './build-graph.js';
import { findNodes } from './search-nodes.js';

export function CanvasSearch({ nodes, onFound }: { nodes: readonly ConsortiumNode[]; onFound(key: string): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const matches = useMemo(() => findNodes(nodes, query), [nodes, query]);

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (((at < 0 && step < 0 ? 0 : at + step) % matches.length) + matches.length) % matches.length;
    setAt(next);
    onFound(matches[next]);
  };

  return (
    <span className="cn-search">
      <input
        type="search"
        className="cn-search-input"
        data-testid="cn-search"
        aria-label={t('designer.consortium.search.label')}
        placeholder={t('designer.consortium.search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            setQuery('');
            setAt(-1);
          }
        }}
      />
      {query.trim() && (
        <span className="cn-search-count" data-testid="cn-search-count" data-count={matches.length} role="status">
          {matches.length === 0
            ? t('designer.consortium.search.none')
            : t('designer.consortium.search.count', { at: Math.max(at, 0) + 1, count: matches.length })}
        </span>
      )}
    </span>
  );
}

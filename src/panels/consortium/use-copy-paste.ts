/**
 * Ctrl+C / Ctrl+V (⌘ on a Mac) on the consortium canvas: copies the selected nodes, pastes new
 * ones beside them (copy-paste.ts). Keys typed in a text field stay the field's. Each paste of the
 * same copy lands one offset further, so repeated pastes do not pile up.
 */
import { useEffect, useRef } from 'react';
import type { Workspace } from '../../../generators/index.js';
import type { NodeKey } from '../../store/consortium-edits.js';
import type { ConsortiumNode } from './build-graph.js';
import { PASTE_OFFSET, pasteCopies, type CopiedNode } from './copy-paste.js';

export interface CopyPasteOptions {
  selectedKeys: string[];
  nodes: readonly ConsortiumNode[];
  workspace(): Workspace;
  apply(next: Workspace): void;
  onPasted(keys: NodeKey[]): void;
  suffix: string;
}

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useCopyPaste(options: CopyPasteOptions) {
  const latest = useRef(options);
  latest.current = options;
  const clipboard = useRef<{ nodes: CopiedNode[]; pasted: number }>(undefined);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      const o = latest.current;
      if (key === 'c' && o.selectedKeys.length > 0) {
        const picked = o.nodes.filter((n) => o.selectedKeys.includes(n.id));
        clipboard.current = { nodes: picked.map((n) => ({ key: n.id, position: n.position })), pasted: 0 };
      } else if (key === 'v' && clipboard.current) {
        e.preventDefault();
        const times = ++clipboard.current.pasted;
        const offset = { x: PASTE_OFFSET.x * times, y: PASTE_OFFSET.y * times };
        const { workspace, keys } = pasteCopies(o.workspace(), clipboard.current.nodes, o.suffix, offset);
        if (keys.length === 0) return;
        o.apply(workspace);
        o.onPasted(keys);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

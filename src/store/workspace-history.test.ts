import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { EMPTY_HISTORY, editKey, recordEdit, redoStep, undoStep, type WorkspaceHistory } from './workspace-history.js';

const base: Workspace = {
  schemaVersion: 1,
  name: '联盟',
  organizations: [{ id: 'm', name: 'M' }],
  roles: [{ id: 'Buyer', name: 'Buyer' }],
  participants: [
    { id: 'wang', name: '王芳', kind: 'person', organization: 'm', roles: ['Buyer'] },
    { id: 'li', name: '李娜', kind: 'person', organization: 'm', roles: [] },
  ],
  processes: [{ id: 'p', name: 'P', bpmn: '<a/>' }],
};
const rename = (ws: Workspace, name: string): Workspace => ({ ...ws, name });
const renameParticipant = (ws: Workspace, id: string, name: string): Workspace => ({
  ...ws,
  participants: ws.participants.map((p) => (p.id === id ? { ...p, name } : p)),
});
const opts = { limit: 3, coalesceMs: 1000 };

describe('editKey', () => {
  it('names the field, the one item of a list, or the list', () => {
    expect(editKey(base, rename(base, 'x'))).toBe('name');
    expect(editKey(base, renameParticipant(base, 'li', 'x'))).toBe('participants:li');
    expect(editKey(base, { ...base, participants: base.participants.slice(1) })).toBe('participants');
    expect(editKey(base, { ...rename(base, 'x'), processes: [{ ...base.processes[0], bpmn: '<b/>' }] })).toBe('name+processes:p');
    expect(editKey(base, { ...base, networks: [{ id: 'n', name: 'N', rpcUrl: 'http://x', chainId: 1, gas: 'free' }] })).toBe('networks');
  });

  it('does not count addresses written by the key store or a genesis hash read from a node as an edit', () => {
    const withAddress = { ...base, participants: base.participants.map((p) => ({ ...p, address: '0x01' })) };
    expect(editKey(base, withAddress)).toBeUndefined();
    expect(editKey(withAddress, renameParticipant(withAddress, 'li', 'x'))).toBe('participants:li');
    const network = { id: 'n', name: 'N', rpcUrl: 'http://x', chainId: 1, gas: 'free' as const };
    expect(editKey({ ...base, networks: [network] }, { ...base, networks: [{ ...network, genesisHash: '0x11' }] })).toBeUndefined();
  });
});

describe('recordEdit, undoStep, redoStep', () => {
  it('coalesces typing into one step and undoes it at once', () => {
    // given a name typed letter by letter, each within a second of the previous
    let h: WorkspaceHistory = EMPTY_HISTORY;
    let ws = base;
    for (const [i, name] of ['联盟 A', '联盟 AB', '联盟 ABC'].entries()) {
      const next = rename(ws, name);
      h = recordEdit(h, ws, next, i * 400, opts);
      ws = next;
    }
    // when undone
    const undone = undoStep(h, ws)!;
    // then one step takes the whole word back, and redo brings it again
    expect(h.past).toHaveLength(1);
    expect(undone.workspace).toBe(base);
    expect(redoStep(undone.history, undone.workspace)!.workspace).toBe(ws);
  });

  it('keeps edits of different things, or far apart in time, as separate steps', () => {
    const a = rename(base, 'A');
    const b = renameParticipant(a, 'li', 'B');
    const c = renameParticipant(b, 'li', 'C');
    let h = recordEdit(EMPTY_HISTORY, base, a, 0, opts);
    h = recordEdit(h, a, b, 10, opts);
    h = recordEdit(h, b, c, 5000, opts);
    expect(h.past.map((s) => s.workspace)).toEqual([base, a, b]);
  });

  it('starts a new step after an undo, so the undone state stays reachable', () => {
    const a = rename(base, 'A');
    const b = renameParticipant(a, 'li', 'B');
    let h = recordEdit(EMPTY_HISTORY, base, a, 0, opts);
    h = recordEdit(h, a, b, 10, opts);
    const undone = undoStep(h, b)!; // back to a
    const c = rename(undone.workspace, 'C');
    h = recordEdit(undone.history, undone.workspace, c, 20, opts);
    expect(h.past.map((s) => s.workspace)).toEqual([base, a]);
    expect(h.future).toEqual([]);
  });

  it('keeps at most `limit` steps and does nothing past either end', () => {
    let h: WorkspaceHistory = EMPTY_HISTORY;
    let ws = base;
    for (let i = 0; i < 5; i++) {
      const next = rename(ws, `n${i}`);
      h = recordEdit(h, ws, next, i * 10_000, opts);
      ws = next;
    }
    expect(h.past.map((s) => s.workspace.name)).toEqual(['n1', 'n2', 'n3']);
    expect(redoStep(h, ws)).toBeUndefined();
    expect(undoStep(EMPTY_HISTORY, ws)).toBeUndefined();
  });

  it('never coalesces into a redone step', () => {
    const a = rename(base, 'A');
    let h = recordEdit(EMPTY_HISTORY, base, a, 0, opts);
    const undone = undoStep(h, a)!;
    const redone = redoStep(undone.history, undone.workspace)!;
    const b = rename(redone.workspace, 'AB');
    h = recordEdit(redone.history, redone.workspace, b, 1, opts);
    expect(undoStep(h, b)!.workspace).toBe(a);
  });
});

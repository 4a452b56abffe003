import { describe, expect, it } from 'vitest';
import type { AppManifest } from '../../../generators/index.js';
import { regulatedManifest, regulatedProcessIds } from './regulated-processes.js';

describe('regulatedProcessIds', () => {
  it('gives a regulator without links every process, and one with an empty list none', () => {
    expect(regulatedProcessIds(undefined, ['order', 'returns'])).toEqual(['order', 'returns']);
    expect(regulatedProcessIds([], ['order', 'returns'])).toEqual([]);
  });

  it('gives a linked regulator only its processes, in the processes order, ignoring links to others', () => {
    expect(regulatedProcessIds(['returns', 'gone'], ['order', 'returns', 'audit'])).toEqual(['returns']);
    expect(regulatedProcessIds(['audit', 'order'], ['order', 'returns', 'audit'])).toEqual(['order', 'audit']);
  });
});

describe('regulatedManifest', () => {
  const manifest = { workspaceName: 'w', processes: [{ id: 'order' }, { id: 'returns' }] } as unknown as AppManifest;

  it('keeps the manifest when the regulator regulates everything', () => {
    expect(regulatedManifest(manifest, undefined)).toBe(manifest);
    expect(regulatedManifest(manifest, ['order', 'returns'])).toBe(manifest);
  });

  it('drops the processes the regulator does not regulate', () => {
    const shown = regulatedManifest(manifest, ['returns']);
    expect(shown.processes.map((p) => p.id)).toEqual(['returns']);
    expect(shown.workspaceName).toBe('w');
    expect(manifest.processes).toHaveLength(2);
  });
});

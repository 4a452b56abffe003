import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../generators/index.js';
import { dataAssetsOf, regulatesOf, viewPermissionsOf } from './view-permissions.js';
import { sampleWorkspace } from './test-services.js';

const asset = { id: 'price', name: '价格', kind: 'process-fields' as const, process: 'order', fields: ['unitPrice'], readers: { roles: ['Buyer'] } };
const ws: Workspace = {
  ...sampleWorkspace,
  dataAssets: [asset],
  participants: [...sampleWorkspace.participants, { id: 'regulator', name: '监管 Regulator', kind: 'person', organization: 'manufacturer', roles: [], regulates: [] }],
};

describe('view permissions', () => {
  it('exports the data assets and only the regulators that have links (no list keeps meaning "every process")', () => {
    expect(viewPermissionsOf(ws)).toEqual({ dataAssets: [asset], regulates: { regulator: [] } });
    expect(viewPermissionsOf(sampleWorkspace)).toEqual({});
  });

  it('reads the workspace in the IDE and the export in the app, the same way', () => {
    const exported = { viewPermissions: viewPermissionsOf(ws) };
    for (const source of [{ workspace: ws }, exported]) {
      expect(dataAssetsOf(source)).toEqual([asset]);
      expect(regulatesOf(source, 'regulator')).toEqual([]);
      expect(regulatesOf(source, 'wang-fang')).toBeUndefined();
    }
    // the IDE's workspace wins over anything left from an export
    expect(dataAssetsOf({ workspace: sampleWorkspace, viewPermissions: exported.viewPermissions })).toBeUndefined();
    expect(regulatesOf({}, undefined)).toBeUndefined();
  });
});

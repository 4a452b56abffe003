import { describe, expect, it } from 'vitest';
import type { DataAsset, ProcessManifest } from '../../../generators/index.js';
import { hiddenFields, hideValues, writerRolesByField } from './readable-fields.js';
import { currentData, describeSteps } from './describe-steps.js';
import type { AppManifest } from '../../../generators/index.js';

const field = (name: string) => ({ name, type: 'string', label: name, required: true }) as ProcessManifest['start']['fields'][number];
/** A shipment: the buyer starts with the order, the carrier writes the tracking number, the buyer inspects. */
const process = {
  id: 'shipment',
  start: { elementId: 'Start', name: 'Order', roles: ['Buyer'], fields: [field('item'), field('price')] },
  tasks: [
    { elementId: 'Ship', name: 'Ship', role: 'Carrier', fields: [field('trackingNo')] },
    { elementId: 'Inspect', name: 'Inspect', role: 'Buyer', fields: [field('defects')] },
  ],
} as unknown as ProcessManifest;
const asset = (patch: Partial<DataAsset>): DataAsset => ({ id: 'a', name: '价格数据', kind: 'process-fields', process: 'shipment', ...patch });

describe('hiddenFields', () => {
  it('knows who writes each field', () => {
    expect(Object.fromEntries(writerRolesByField(process))).toEqual({ item: ['Buyer'], price: ['Buyer'], trackingNo: ['Carrier'], defects: ['Buyer'] });
  });

  it('hides the fields of a restricted asset from who is neither reader, writer nor regulator', () => {
    // given the price may be read by Sales only
    const assets = [asset({ fields: ['price'], readers: { roles: ['Sales'] } })];
    // then the carrier does not see it, the sales clerk, the buyer (its writer) and a regulator do
    expect([...hiddenFields(assets, process, { id: 'li-wei', roles: ['Carrier'] }, false)]).toEqual(['price']);
    expect(hiddenFields(assets, process, { id: 'zhang-wei', roles: ['Sales'] }, false).size).toBe(0);
    expect(hiddenFields(assets, process, { id: 'wang-fang', roles: ['Buyer'] }, false).size).toBe(0);
    expect(hiddenFields(assets, process, { id: 'regulator', roles: ['Regulator'] }, true).size).toBe(0);
    // a participant listed by id reads it whatever its roles
    expect(hiddenFields([asset({ fields: ['price'], readers: { participants: ['li-wei'] } })], process, { id: 'li-wei', roles: ['Carrier'] }, false).size).toBe(0);
  });

  it('covers every field when the asset lists none, each field with its own writers', () => {
    const assets = [asset({ readers: {} })];
    expect([...hiddenFields(assets, process, { id: 'li-wei', roles: ['Carrier'] }, false)].sort()).toEqual(['defects', 'item', 'price']);
    expect([...hiddenFields(assets, process, { id: 'x', roles: ['Sales'] }, false)].sort()).toEqual(['defects', 'item', 'price', 'trackingNo']);
  });

  it('hides nothing without restricted assets of this process', () => {
    const reader = { id: 'x', roles: ['Sales'] };
    expect(hiddenFields(undefined, process, reader, false).size).toBe(0);
    expect(hiddenFields([asset({ fields: ['price'] })], process, reader, false).size).toBe(0);
    expect(hiddenFields([asset({ process: 'other', readers: {} })], process, reader, false).size).toBe(0);
    expect(hiddenFields([{ id: 'd', name: 'Doc', kind: 'document', readers: {} }], process, reader, false).size).toBe(0);
  });

  it('takes the hidden values out of the timeline and so out of the current data', () => {
    // given an order started with an item and a price, and a shipment step
    const manifest = { participants: [], organizations: [] } as unknown as AppManifest;
    const history = [
      { kind: 'started', elementId: 'Start', name: 'Order', blockNumber: 1, txHash: '0x1', data: { item: '钢板', price: '12000' } },
      { kind: 'completed', elementId: 'Ship', name: 'Ship', blockNumber: 2, txHash: '0x2', data: { trackingNo: 'SF123' } },
    ];
    const steps = describeSteps(manifest, process, history as never, {});
    // when the carrier may not read the price
    const hidden = hiddenFields([asset({ fields: ['price'], readers: {} })], process, { id: 'li-wei', roles: ['Carrier'] }, false);
    const shown = hideValues(steps, hidden);
    // then neither the timeline nor the current data has it; the step without hidden values is the same object
    expect(shown.map((s) => s.values.map((v) => v.field))).toEqual([['item'], ['trackingNo']]);
    expect(currentData(shown).map((v) => v.field).sort()).toEqual(['item', 'trackingNo']);
    expect(shown[1]).toBe(steps[1]);
    expect(hideValues(steps, new Set())).toBe(steps);
  });
});

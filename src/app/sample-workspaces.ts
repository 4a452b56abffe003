/// <reference types="vite/client" />
/**
 * The sample workspaces a new workspace can start from, each showing what the generator and the
 * app do with one scenario of the white paper. The files are generators/samples/<id>/workspace.json
 * (tested there: each generates, compiles and runs its traces); each is loaded only when chosen.
 * Most have no diagram layout: the modeler lays them out on first open (pools, lanes and message
 * flows kept) and writes the layout back.
 */
export const SAMPLE_IDS = [
  'order-fulfilment',
  'maintenance-order',
  'credit-check',
  'purchase-approval',
  'inspection-round',
  'carrier-binding',
  'export-shipment',
  'quality-inspection',
  'quote-pricing',
  'timer-escalation',
  'supply-chain-finance',
] as const;

export type SampleId = (typeof SAMPLE_IDS)[number];

/** The sample a first start opens. */
export const DEFAULT_SAMPLE: SampleId = 'order-fulfilment';

const files = import.meta.glob<unknown>('../../generators/samples/*/workspace.json', { import: 'default' });

export async function loadSampleWorkspace(id: string = DEFAULT_SAMPLE): Promise<unknown> {
  const load = files[`../../generators/samples/${id}/workspace.json`];
  if (!load || !(SAMPLE_IDS as readonly string[]).includes(id)) throw new Error(`there is no sample "${id}"`);
  return load();
}

/**
 * What bench:gas measures and what it compares against. The benchmark processes are modelled in
 * bench/processes/ from the public descriptions used by García-Bañuelos et al. 2017 ("Optimized
 * execution of business processes on blockchain") and Loukil et al. 2021; each has one complete
 * conforming trace.
 */

export interface GasBenchmark {
  name: string;
  workspace: string;
  trace: string;
  note?: string;
}

export const GAS_BENCHMARKS: readonly GasBenchmark[] = [
  {
    name: 'Incident management',
    workspace: 'bench/processes/incident-management/workspace.json',
    trace: 'bench/processes/incident-management/trace.json',
    note: 'trace: escalated through 1st and 2nd level to the developer and answered back',
  },
  {
    name: 'Supply chain',
    workspace: 'bench/processes/supply-chain/workspace.json',
    trace: 'bench/processes/supply-chain/trace.json',
    note: 'trace: order, then supplies and transport/waybill in parallel, delivery',
  },
  {
    name: 'Supply chain, carrier bound',
    workspace: 'bench/processes/supply-chain-bound/workspace.json',
    trace: 'bench/processes/supply-chain-bound/trace.json',
    note: 'the supply chain with "Order transport" nominating the special carrier (cf:binds): the same trace, the carrier\'s three tasks checked against the bound participant',
  },
  {
    name: 'Invoice handling',
    workspace: 'bench/processes/invoice-handling/workspace.json',
    trace: 'bench/processes/invoice-handling/trace.json',
    note: 'trace: one round through the fix loop',
  },
  {
    name: 'Order to cash',
    workspace: 'bench/processes/order-to-cash/workspace.json',
    trace: 'bench/processes/order-to-cash/trace.json',
    note: 'shipment, carrier invoicing and supplier invoicing are processes of their own, each called by a call activity and inlined as a scope of the order-to-cash contract; their own three contracts (deployed too, as every process of a workspace) are counted apart (other processes)',
  },
  {
    name: 'Order fulfilment (sample)',
    workspace: 'generators/samples/order-fulfilment/workspace.json',
    trace: 'generators/samples/order-fulfilment/happy-path.trace.json',
    note: 'trace: one rework loop; "defects" is a uint a condition reads, so it takes its own storage slot',
  },
  {
    name: 'Maintenance work order (sample)',
    workspace: 'generators/samples/maintenance-order/workspace.json',
    trace: 'generators/samples/maintenance-order/happy-path.trace.json',
    note: 'messages: alarm start, device service task (request event), part order sent, part received (racing a 48h timer), repair report sent; payload strings are kept in storage',
  },
  {
    name: 'Credit check (sample)',
    workspace: 'generators/samples/credit-check/workspace.json',
    trace: 'generators/samples/credit-check/financed.trace.json',
    note: 'an embedded subprocess with a 5-day timer boundary and an error boundary; trace: the check passes, the subprocess completes, funds are disbursed',
  },
];

/** Published gas per process instance of incident management (other engines, other EVM versions). */
export const PUBLISHED_INCIDENT_MANAGEMENT = [
  { source: 'Loukil et al. 2021', gasPerInstance: 249_378 },
  { source: 'García-Bañuelos et al. 2017', gasPerInstance: 369_896 },
  { source: 'Caterpillar, interpreted (+4.2M one-time)', gasPerInstance: 769_849 },
  { source: 'Caterpillar, compiled', gasPerInstance: 1_444_223 },
] as const;

/**
 * Scale reference measured on today's EVM (cancun, solc 0.8.37): a bit-array compiler of the 2017
 * technique, one contract per instance, no data, no events.
 */
export const REFERENCE = { deployPerInstance: 400_000, perTask: 29_000 } as const;
export const referencePerInstance = (tasks: number) => REFERENCE.deployPerInstance + REFERENCE.perTask * tasks;

/** The generator issue's targets. */
export const TARGETS = {
  instanceShareOfReference: 0.5,
  medianTaskOverhead: 10_000,
  creation: 50_000,
  processDeploy: 1_200_000,
} as const;

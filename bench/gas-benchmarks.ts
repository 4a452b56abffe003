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
    note: 'messages: alarm start, device service task (request event), part order sent, part received (racing a 48h timer), repair report sent straight after the repair (its string passed from calldata, not stored); the machine id, written by the alarm start, is kept in storage',
  },
  {
    name: 'Credit check (sample)',
    workspace: 'generators/samples/credit-check/workspace.json',
    trace: 'generators/samples/credit-check/financed.trace.json',
    note: 'an embedded subprocess with a 5-day timer boundary and an error boundary; trace: the check passes, the subprocess completes, funds are disbursed',
  },
  {
    name: 'Supply chain finance (sample)',
    workspace: 'generators/samples/supply-chain-finance/workspace.json',
    trace: 'generators/samples/supply-chain-finance/financed-delivery.trace.json',
    note: 'a collaboration of three executable pools in one contract: two message starts, five message flows (the delivery confirmation is buffered until the bank has assessed), the financing approved',
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

/**
 * The solc settings measured on these rows when the default was chosen (generators/compile/
 * compile-types.ts), relative to the default (legacy pipeline, optimizer 200 runs), as ranges
 * over the rows: process deployment, gas per instance, and compile time of a process in Node.
 */
export const COMPILER_SETTINGS_MEASURED = [
  'legacy, 1 run: deploy -1.4% to -0.1%, per instance +0.15% to +0.33%',
  'legacy, 1,000 runs: deploy +7.1% to +10.9%, per instance -0.04% to 0',
  'viaIR, 200 runs: deploy -15.2% to +3.3%, per instance -0.65% to -0.26%, compile 3.5 to 5 times slower (supply chain 1.8 s -> 6.4 s)',
  'viaIR, 1 run: deploy -15.2% to +3.1%, per instance -0.60% to -0.23%; viaIR, 1,000 runs: deploy -8.2% to +12.2%, per instance -0.66% to -0.26%',
] as const;

/**
 * Why creation stays above TARGETS.creation: the floor of a start that counts instances, writes
 * the new instance's state word, checks the caller's role and announces the instance, before
 * calldata, the event's data and any execution.
 */
export const CREATION_FLOOR = {
  intrinsic: 21_000,
  /** instanceCount: cold SLOAD 2,100 + SSTORE of a nonzero slot 2,900. */
  counter: 5_000,
  /** The instance's state word: a zero slot made nonzero, cold (20,000 + 2,100). */
  newSlot: 22_100,
  /** _rolesOf[msg.sender]: cold SLOAD. */
  roleCheck: 2_100,
  /** InstanceStarted: LOG3 (375 + 3 x 375 topics), before 8 gas per byte of data. */
  event: 1_500,
} as const;
export const creationFloor = () => Object.values(CREATION_FLOOR).reduce((a, b) => a + b, 0);

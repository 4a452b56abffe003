/**
 * The gas worker: dry runs of the compiled design on its own throwaway ledger (never the user's),
 * a thin shell around gas-handler.ts. Runs in a worker; imports nothing from the UI.
 */
import { createGasHandler } from './gas-handler.js';
import type { GasRequest } from './gas-protocol.js';
import { estimateGas } from './estimate-gas.js';

const handle = createGasHandler(estimateGas);

self.addEventListener('message', (event: MessageEvent<GasRequest>) => handle(event.data, (response) => self.postMessage(response)));

/** The IDE's gas services: the gas worker's client, loaded and started on the first estimate. */
import type { GasServices } from '../store/studio-services.js';
import type { GasClient } from './gas-client.js';

export function createGasServices(): GasServices {
  let client: Promise<GasClient> | undefined;
  let loaded: GasClient | undefined;
  return {
    async estimate(workspace, manifest) {
      client ??= import('./gas-client.js').then((m) => (loaded = m.createGasClient()));
      return (await client).estimate(workspace, manifest);
    },
    cancel() {
      loaded?.cancel();
    },
  };
}

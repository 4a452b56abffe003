/**
 * hardhat.config.ts of the exported project. The compiler is solc 0.8.37 from npm (soljson, the
 * WebAssembly build the IDE runs), not a download: the project builds offline once `npm ci` ran,
 * and compiles the same sources with the same settings as ChainFlow Studio.
 */
import type { CompilerSettings } from '../compile/compile-types.js';
import { SOLC_VERSION } from '../compile/compile-types.js';
import { str } from './ts-literal.js';

/** Hardhat's simulated network has 20 accounts unless told otherwise. */
const DEFAULT_ACCOUNTS = 20;

export function printHardhatConfig(settings: CompilerSettings, accountsNeeded: number): string {
  const accounts = accountsNeeded > DEFAULT_ACCOUNTS
    ? [
      '    // the tests give every participant its own account, plus the operator and an outsider',
      '    default: {',
      '      type: "edr-simulated",',
      `      accounts: { mnemonic: "test test test test test test test test test test test junk", count: ${accountsNeeded} },`,
      '    },',
    ]
    : [];
  return [
    'import { createRequire } from "node:module";',
    'import type { HardhatUserConfig } from "hardhat/config";',
    'import { configVariable } from "hardhat/config";',
    'import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";',
    '',
    '// The compiler ChainFlow Studio uses: solc from npm (WebAssembly), so nothing is downloaded.',
    'const compiler = {',
    `  version: ${str(SOLC_VERSION)},`,
    '  path: createRequire(import.meta.url).resolve("solc/soljson.js"),',
    '  // the settings the contracts were generated and deployed with: keep them for the same bytecode',
    `  settings: ${JSON.stringify({ evmVersion: settings.evmVersion, optimizer: settings.optimizer })},`,
    '};',
    '',
    'const config: HardhatUserConfig = {',
    '  plugins: [hardhatToolboxMochaEthers],',
    '  solidity: {',
    '    profiles: {',
    '      default: compiler,',
    '      production: compiler,',
    '    },',
    '  },',
    '  networks: {',
    ...accounts,
    '    // the consortium chain: npx hardhat ignition deploy ... --network consortium',
    '    consortium: {',
    '      type: "http",',
    '      chainType: "l1",',
    '      url: configVariable("CONSORTIUM_RPC_URL"),',
    '      accounts: [configVariable("CONSORTIUM_DEPLOYER_KEY")],',
    '    },',
    '  },',
    '};',
    '',
    'export default config;',
    '',
  ].join('\n');
}

export const GITIGNORE = ['node_modules/', 'artifacts/', 'cache/', 'types/', 'coverage/', 'ignition/deployments/chain-31337/', ''].join('\n');

/** TypeScript settings of Hardhat 3's own project templates (ESM, Node 22); contract types come from `npx hardhat build`. */
export const TSCONFIG = {
  compilerOptions: {
    lib: ['es2023'], module: 'node16', moduleResolution: 'node16', target: 'es2022',
    strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true,
  },
};

/** Test helper: compiles Solidity with the solc npm package (Node only), evmVersion cancun. */
import solc from 'solc';

export interface CompiledContract {
  abi: unknown[];
  bytecode: string;
}

/** @throws Error listing solc's errors when the source does not compile. */
export function compileContract(source: string, contractName: string): CompiledContract {
  const input = {
    language: 'Solidity',
    sources: { 'Contract.sol': { content: source } },
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const contract = output.contracts?.['Contract.sol']?.[contractName];
  if (contract === undefined) throw new Error(`solc output has no contract ${contractName}`);
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

// A local consortium-like chain for the tests: Hardhat's JSON-RPC node on 127.0.0.1, cancun,
// zero base fee and zero gas price accepted (like a Besu QBFT network with free gas), so
// participants with no ether can act, as on a permissioned chain.
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: 'cancun',
      initialBaseFeePerGas: 0,
      allowUnlimitedContractSize: false,
      blockGasLimit: 30_000_000,
    },
  },
};

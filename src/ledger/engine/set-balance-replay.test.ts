/**
 * Faucet edits (ledger_setBalance) interleaved with blocks: the header of the next block must
 * commit to them, live and on replay alike, whether or not an eth_call/estimateGas ran between.
 */
import "fake-indexeddb/auto";
import { ContractFactory, Wallet, ethers, type Contract } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEthersProvider } from "../client/ethers-provider.js";
import { createInProcessProvider } from "../client/in-process-provider.js";
import { openIndexedDbLedgerStore } from "../store/indexeddb-store.js";
import type { LedgerStore } from "../store/ledger-store.js";
import { MemoryLedgerStore } from "../store/memory-store.js";
import { compileContract } from "../test-support/compile-solidity.js";
import { COUNTER_SOURCE } from "../test-support/counter-fixture.js";
import { createLedgerEngine } from "./create-ledger-engine.js";
import type { LedgerEngine } from "./ledger-types.js";

const CHAIN_ID = 1337;
const [carol, dave, erin] = ["55", "66", "77"].map(
  (k) => new Wallet("0x" + k.repeat(32)),
);
const nobody = "0x" + "99".repeat(20);
const everyone = [carol.address, dave.address, erin.address, nobody];
let compiled: ReturnType<typeof compileContract>;

beforeAll(() => {
  compiled = compileContract(COUNTER_SOURCE, "Counter");
});

const setBalance = (engine: LedgerEngine, address: string, wei: bigint) =>
  engine.request({
    method: "ledger_setBalance",
    params: [address, ethers.toQuantity(wei)],
  });

/** A plain transfer sent as raw bytes: no eth_call or estimateGas runs before it is mined. */
async function rawTransfer(
  engine: LedgerEngine,
  from: Wallet,
  to: string,
  nonce: number,
): Promise<void> {
  const raw = await from.signTransaction({
    to,
    value: 5n,
    nonce,
    gasLimit: 21_000,
    gasPrice: 0,
    chainId: CHAIN_ID,
  });
  await engine.request({ method: "eth_sendRawTransaction", params: [raw] });
}

/** Every block hash, every balance and nonce at every block, and the counter's storage. */
async function snapshot(engine: LedgerEngine, counterAddress: string) {
  const head = Number(await engine.request({ method: "eth_blockNumber" }));
  const blocks = [];
  for (let n = 0; n <= head; n++) {
    const tag = ethers.toQuantity(n);
    const block = (await engine.request({
      method: "eth_getBlockByNumber",
      params: [tag, false],
    })) as { hash: string };
    const balances = [];
    for (const address of everyone) {
      balances.push(
        await engine.request({
          method: "eth_getBalance",
          params: [address, tag],
        }),
      );
      balances.push(
        await engine.request({
          method: "eth_getTransactionCount",
          params: [address, tag],
        }),
      );
    }
    blocks.push({ hash: block.hash, balances });
  }
  const latest = [];
  for (const address of everyone)
    latest.push(
      await engine.request({
        method: "eth_getBalance",
        params: [address, "latest"],
      }),
    );
  const count = await engine.request({
    method: "eth_getStorageAt",
    params: [counterAddress, "0x0", "latest"],
  });
  return { head, blocks, latest, count };
}

describe.each([
  [
    "memory",
    async (): Promise<() => Promise<LedgerStore>> => {
      const store = new MemoryLedgerStore();
      return async () => store;
    },
  ],
  [
    "IndexedDB",
    async (): Promise<() => Promise<LedgerStore>> => {
      const name = `set-balance-replay-${Math.random()}`;
      return () => openIndexedDbLedgerStore(name);
    },
  ],
])("ledger_setBalance replay on a %s store", (_kind, makeStore) => {
  it("reopens with the same head hash, balances at every block and contract state", async () => {
    // given a chain with no genesis alloc whose accounts are funded only by faucet edits:
    // three addresses before the first block, one of them twice
    const open = await makeStore();
    const first = await createLedgerEngine({
      chainId: CHAIN_ID,
      store: await open(),
    });
    await setBalance(first, carol.address, ethers.parseEther("1"));
    await setBalance(first, dave.address, ethers.parseEther("2"));
    await setBalance(first, erin.address, ethers.parseEther("3"));
    await setBalance(first, carol.address, ethers.parseEther("4"));
    // when blocks are mined through ethers (estimateGas runs first) and as raw transfers
    // (nothing runs first), with more edits between the blocks, the same address several times
    const provider = createEthersProvider(
      createInProcessProvider(first),
      CHAIN_ID,
    );
    const factory = new ContractFactory(
      compiled.abi as ethers.InterfaceAbi,
      compiled.bytecode,
      carol.connect(provider),
    );
    const counter = (await factory.deploy()) as unknown as Contract;
    await counter.waitForDeployment();
    const counterAddress = await counter.getAddress();
    await setBalance(first, dave.address, 100n);
    await setBalance(first, dave.address, 200n);
    await setBalance(first, carol.address, 50n);
    await rawTransfer(first, dave, erin.address, 0);
    await setBalance(first, erin.address, 7n);
    await (
      await (counter.connect(erin.connect(provider)) as Contract).increment(
        "第一",
      )
    ).wait();
    await setBalance(first, nobody, 9n);
    await setBalance(first, nobody, 0n);
    await rawTransfer(first, dave, carol.address, 1);
    await setBalance(first, carol.address, 11n);
    await first.idle();
    const before = await snapshot(first, counterAddress);
    // then each block's header committed to the edits made before it, even for accounts the
    // block did not touch (erin in block 1, carol in block 2 which ran after no call)
    expect(before.head).toBe(4);
    expect(BigInt(before.blocks[1].balances[4] as string)).toBe(
      ethers.parseEther("3"),
    );
    expect(BigInt(before.blocks[2].balances[0] as string)).toBe(50n);
    expect(BigInt(before.blocks[2].balances[2] as string)).toBe(195n);
    expect(before.latest.map((wei) => BigInt(wei as string))).toEqual([
      11n,
      190n,
      7n,
      0n,
    ]);
    expect(BigInt(before.count as string)).toBe(1n);
    // and a second engine on the same store replays to exactly the same chain and state
    const second = await createLedgerEngine({
      chainId: CHAIN_ID,
      store: await open(),
    });
    expect(await snapshot(second, counterAddress)).toEqual(before);
    // and it keeps mining on top of the same head
    await rawTransfer(second, dave, erin.address, 2);
    const block5 = (await second.request({
      method: "eth_getBlockByNumber",
      params: ["0x5", false],
    })) as {
      parentHash: string;
    };
    expect(block5.parentHash).toBe(before.blocks[4].hash);
  }, 60_000);
});

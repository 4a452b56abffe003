/**
 * A small contract for the ledger tests: state, an indexed event, a custom error, a require
 * message, and transient storage (a cancun opcode, so a wrong evmVersion or hardfork fails).
 */
export const COUNTER_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract Counter {
    uint256 public count;
    address public lastCaller;
    address public immutable owner;

    event Incremented(address indexed by, uint256 indexed newCount, string note);

    error TooLarge(uint256 requested, uint256 limit);

    constructor() {
        owner = msg.sender;
    }

    modifier locked() {
        assembly {
            if tload(0) { revert(0, 0) }
            tstore(0, 1)
        }
        _;
        assembly { tstore(0, 0) }
    }

    function increment(string calldata note) external locked {
        count += 1;
        lastCaller = msg.sender;
        emit Incremented(msg.sender, count, note);
    }

    function setCount(uint256 value) external {
        if (value > 1000) revert TooLarge(value, 1000);
        count = value;
        lastCaller = msg.sender;
    }

    function ownerOnlyReset() external {
        require(msg.sender == owner, "only the owner may reset");
        count = 0;
    }

    function previousBlockHash() external view returns (bytes32) {
        return blockhash(block.number - 1);
    }
}
`;

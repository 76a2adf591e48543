// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {vm} from "./Vm.sol";

/// @dev Minimal assertions: a failed check reverts with the message and both values.
abstract contract Assertions {
    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert(message);
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) revert(message);
    }

    function assertEq(uint256 actual, uint256 expected, string memory message) internal pure {
        if (actual != expected) {
            revert(string.concat(message, ": got ", Strings.toString(actual), ", want ", Strings.toString(expected)));
        }
    }

    function assertEq(address actual, address expected, string memory message) internal pure {
        if (actual != expected) {
            revert(string.concat(message, ": got ", Strings.toHexString(actual), ", want ", Strings.toHexString(expected)));
        }
    }

    function assertEq(bool actual, bool expected, string memory message) internal pure {
        if (actual != expected) revert(string.concat(message, expected ? ": got false" : ": got true"));
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory message) internal pure {
        if (actual != expected) {
            revert(string.concat(message, ": got ", Strings.toHexString(uint256(actual), 32), ", want ",
                Strings.toHexString(uint256(expected), 32)));
        }
    }

    function assertGe(uint256 actual, uint256 bound_, string memory message) internal pure {
        if (actual < bound_) {
            revert(string.concat(message, ": got ", Strings.toString(actual), ", want >= ", Strings.toString(bound_)));
        }
    }

    function assertLe(uint256 actual, uint256 bound_, string memory message) internal pure {
        if (actual > bound_) {
            revert(string.concat(message, ": got ", Strings.toString(actual), ", want <= ", Strings.toString(bound_)));
        }
    }

    /// @dev Asserts that the calls since {vm.recordLogs} emitted nothing: the no-op check.
    function assertNoLogs(string memory message) internal {
        assertEq(vm.getRecordedLogs().length, 0, message);
    }

    /// @dev Maps any `value` into [min, max] (inclusive), keeping small inputs unchanged when in range.
    function bound(uint256 value, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (value >= min && value <= max) return value;
        uint256 size = max - min;
        if (size == type(uint256).max) return value;
        return min + (value % (size + 1));
    }

    function makeAddr(string memory name) internal pure returns (address) {
        return address(uint160(uint256(keccak256(bytes(name)))));
    }

    /// @dev The current block time; see {Vm.getBlockTimestamp}.
    function _now() internal view returns (uint256) {
        return vm.getBlockTimestamp();
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PatientState, PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

import {Assertions} from "../utils/Assertions.sol";

/// @dev Reads every field of a {PatientState} at once, so a test can check that a setter changed
/// exactly one field.
abstract contract PatientStateFields is Assertions {
    using PatientStateLib for PatientState;

    struct Fields {
        uint256 recordCount;
        uint8 pending;
        uint8 expiring;
        uint40 due;
        uint32[8] epochs;
    }

    function _fields(PatientState state) internal pure returns (Fields memory f) {
        f.recordCount = state.recordCount();
        f.pending = state.rotationPending();
        f.expiring = state.expiringScope();
        f.due = state.rotationDueAt();
        for (uint8 c = 0; c < 8; ++c) f.epochs[c] = state.epoch(c);
    }

    /// @dev A state with every field set to a distinct, non-zero value.
    function _busyState() internal view returns (PatientState state) {
        state = PatientState.wrap(0).withRecordCount(0xabcdef).withPending(0x5a).withExpiringHolders(0x3c, 0xaa_bbcc_ddee);
        for (uint8 c = 0; c < 8; ++c) state = state.withEpoch(c, uint32(0x1000 + 0x111 * c));
    }

    /// @dev Like {_busyState} but with no expiring category and no due time.
    function _busyStateWithoutExpiry() internal pure returns (PatientState state) {
        state = PatientState.wrap(0).withRecordCount(0xabcdef).withPending(0x5a);
        for (uint8 c = 0; c < 8; ++c) state = state.withEpoch(c, uint32(0x1000 + 0x111 * c));
    }

    function _assertFields(Fields memory actual, Fields memory expected, string memory context) internal pure {
        assertEq(actual.recordCount, expected.recordCount, string.concat(context, ": recordCount"));
        assertEq(actual.pending, expected.pending, string.concat(context, ": rotationPending"));
        assertEq(actual.expiring, expected.expiring, string.concat(context, ": expiringScope"));
        assertEq(actual.due, expected.due, string.concat(context, ": rotationDueAt"));
        for (uint8 c = 0; c < 8; ++c) assertEq(actual.epochs[c], expected.epochs[c], string.concat(context, ": epoch"));
    }
}

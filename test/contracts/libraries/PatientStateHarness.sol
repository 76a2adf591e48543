// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PatientState, PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

/// @dev Runs the time-dependent functions in their own call frame, so each call reads the block time
/// set by the latest warp (via IR, a test function may read `block.timestamp` only once).
contract PatientStateHarness {
    using PatientStateLib for PatientState;

    function rotationRequired(PatientState state, uint8 category) external view returns (bool) {
        return state.rotationRequired(category);
    }

    function withRotation(PatientState state, uint8 category, uint32 newEpoch, uint40 holdersExpireAt)
        external
        view
        returns (PatientState)
    {
        return state.withRotation(category, newEpoch, holdersExpireAt);
    }

    function withExpiringHolders(PatientState state, uint8 scope, uint40 expiresAt)
        external
        view
        returns (PatientState)
    {
        return state.withExpiringHolders(scope, expiresAt);
    }
}

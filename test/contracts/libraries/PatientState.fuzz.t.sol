// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PatientState, PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

import {vm} from "../utils/Vm.sol";
import {PatientStateFields} from "./PatientStateFields.sol";
import {PatientStateHarness} from "./PatientStateHarness.sol";

contract PatientStateFuzzTest is PatientStateFields {
    using PatientStateLib for PatientState;

    PatientStateHarness internal harness;

    function setUp() public {
        harness = new PatientStateHarness();
    }

    function testFuzz_withRecordCount_changesOnlyTheRecordCount(uint200 raw, uint24 count) public pure {
        PatientState state = PatientState.wrap(raw);
        Fields memory expected = _fields(state);
        expected.recordCount = count;
        _assertFields(_fields(state.withRecordCount(count)), expected, "withRecordCount");
    }

    function testFuzz_withPending_changesOnlyThePendingScope(uint200 raw, uint8 pending) public pure {
        PatientState state = PatientState.wrap(raw);
        Fields memory expected = _fields(state);
        expected.pending = pending;
        _assertFields(_fields(state.withPending(pending)), expected, "withPending");
    }

    function testFuzz_withEpoch_changesOnlyThatCategorysEpoch(uint200 raw, uint8 category, uint256 newEpoch)
        public
        pure
    {
        category = uint8(bound(category, 0, 7));
        newEpoch = bound(newEpoch, 0, PatientStateLib.MAX_EPOCH);
        PatientState state = PatientState.wrap(raw);
        Fields memory expected = _fields(state);
        expected.epochs[category] = uint32(newEpoch);
        _assertFields(_fields(state.withEpoch(category, uint32(newEpoch))), expected, "withEpoch");
    }

    /// @dev A due time already passed is settled first: its categories become pending and tracking
    /// starts over with the new holder alone.
    function testFuzz_withExpiringHolders_settlesALapsedDueThenKeepsTheEarliest(
        uint200 raw,
        uint8 scope,
        uint40 expiresAt
    ) public view {
        vm.assume(scope != 0);
        PatientState state = PatientState.wrap(raw);
        Fields memory expected = _fields(state);
        if (expected.expiring != 0 && _now() >= expected.due) {
            expected.pending = expected.pending | expected.expiring;
            expected.expiring = 0;
            expected.due = 0;
        }
        if (expected.expiring == 0 || expiresAt < expected.due) expected.due = expiresAt;
        expected.expiring = expected.expiring | scope;
        _assertFields(_fields(state.withExpiringHolders(scope, expiresAt)), expected, "withExpiringHolders");
    }

    function testFuzz_rotationRequired_pendingOrExpiringFromItsDueTime(uint200 raw, uint8 category, uint40 time)
        public
    {
        category = uint8(bound(category, 0, 7));
        PatientState state = PatientState.wrap(raw);
        vm.warp(time);
        bool pending = (state.rotationPending() >> category) & 1 == 1;
        bool expired = (state.expiringScope() >> category) & 1 == 1 && time >= state.rotationDueAt();
        assertEq(harness.rotationRequired(state, category), pending || expired, "rotationRequired");
    }

    /// @dev withRotation against a direct restatement of its rules: once the due time has passed,
    /// every expiring category becomes pending; the rotated category is neither pending nor expiring
    /// unless its new holders expire; the due time is the earliest expiry still tracked.
    function testFuzz_withRotation_matchesModel(
        uint200 raw,
        uint8 category,
        uint256 newEpoch,
        uint40 holdersExpireAt,
        uint40 time
    ) public {
        category = uint8(bound(category, 0, 7));
        newEpoch = bound(newEpoch, 0, PatientStateLib.MAX_EPOCH);
        PatientState state = PatientState.wrap(raw);
        Fields memory before = _fields(state);
        vm.warp(time);

        uint8 categoryBit = uint8(1 << category);
        bool duePassed = before.expiring != 0 && time >= before.due;
        uint8 stillExpiring = (duePassed ? 0 : before.expiring) & ~categoryBit;
        Fields memory expected = before;
        expected.epochs[category] = uint32(newEpoch);
        expected.pending = (before.pending | (duePassed ? before.expiring : 0)) & ~categoryBit;
        if (holdersExpireAt != 0) {
            expected.expiring = stillExpiring | categoryBit;
            expected.due = stillExpiring != 0 && before.due < holdersExpireAt ? before.due : holdersExpireAt;
        } else {
            expected.expiring = stillExpiring;
            expected.due = stillExpiring == 0 ? 0 : before.due;
        }
        _assertFields(_fields(harness.withRotation(state, category, uint32(newEpoch), holdersExpireAt)), expected,
            "withRotation");
    }

    /// @dev Rotating one category never releases another from a rotation it owes, now or later.
    function testFuzz_withRotation_neverForgetsAnotherCategorysRotation(
        uint200 raw,
        uint8 category,
        uint40 holdersExpireAt,
        uint40 time,
        uint40 later
    ) public {
        category = uint8(bound(category, 0, 7));
        later = uint40(bound(later, time, type(uint40).max));
        PatientState state = PatientState.wrap(raw);
        vm.warp(time);
        PatientState rotated = harness.withRotation(state, category, 1, holdersExpireAt);
        for (uint8 other = 0; other < 8; ++other) {
            if (other == category) continue;
            if (harness.rotationRequired(state, other)) {
                assertTrue(harness.rotationRequired(rotated, other), "an owed rotation was forgotten at once");
            }
        }
        vm.warp(later);
        for (uint8 other = 0; other < 8; ++other) {
            if (other == category) continue;
            if (harness.rotationRequired(state, other)) {
                assertTrue(harness.rotationRequired(rotated, other), "an owed rotation was forgotten later");
            }
        }
    }
}

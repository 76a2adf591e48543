// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PatientState, PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

import {vm} from "../utils/Vm.sol";
import {PatientStateFields} from "./PatientStateFields.sol";
import {PatientStateHarness} from "./PatientStateHarness.sol";

contract PatientStateTest is PatientStateFields {
    using PatientStateLib for PatientState;

    uint40 internal constant T0 = 1_700_000_000;
    uint256 internal constant MAX_EPOCH = PatientStateLib.MAX_EPOCH;

    PatientStateHarness internal harness;

    function setUp() public {
        harness = new PatientStateHarness();
        vm.warp(T0);
    }

    function _raw(PatientState state) internal pure returns (uint256) {
        return PatientState.unwrap(state);
    }

    // ---- layout ----------------------------------------------------------------------------------

    function test_layout_everyFieldSitsAtItsDocumentedBits() public view {
        PatientState zero = PatientState.wrap(0);
        assertEq(_raw(zero.withRecordCount(1)), 1, "recordCount at bit 0");
        assertEq(_raw(zero.withPending(1)), uint256(1) << 24, "rotationPending at bit 24");
        assertEq(_raw(zero.withExpiringHolders(1, 1)), (uint256(1) << 32) | (uint256(1) << 40),
            "expiringScope at bit 32, rotationDueAt at bit 40");
        for (uint8 c = 0; c < 8; ++c) {
            assertEq(_raw(zero.withEpoch(c, 1)), uint256(1) << (80 + 15 * uint256(c)), "epoch of category c at 80 + 15c");
        }
        assertEq(_raw(zero.withEpoch(7, uint32(MAX_EPOCH))), ((uint256(1) << 200) - 1) ^ ((uint256(1) << 185) - 1),
            "the last epoch ends at bit 199");
    }

    function test_freshState_everyFieldZero() public pure {
        Fields memory expected;
        _assertFields(_fields(PatientState.wrap(0)), expected, "fresh");
    }

    // ---- setters round-trip without touching other fields ----------------------------------------

    function test_withRecordCount_maxAndZero_roundTripWithoutTouchingOtherFields() public view {
        PatientState state = _busyState();
        Fields memory expected = _fields(state);
        expected.recordCount = PatientStateLib.MAX_RECORD_COUNT;
        _assertFields(_fields(state.withRecordCount(PatientStateLib.MAX_RECORD_COUNT)), expected, "max count");
        expected.recordCount = 0;
        _assertFields(_fields(state.withRecordCount(0)), expected, "zero count");
    }

    function test_withPending_fullAndEmpty_roundTripWithoutTouchingOtherFields() public view {
        PatientState state = _busyState();
        Fields memory expected = _fields(state);
        expected.pending = 0xff;
        _assertFields(_fields(state.withPending(0xff)), expected, "all pending");
        expected.pending = 0;
        _assertFields(_fields(state.withPending(0)), expected, "none pending");
    }

    function test_withEpoch_eachCategory_roundTripsWithoutTouchingNeighbours() public view {
        PatientState state = _busyState();
        for (uint8 c = 0; c < 8; ++c) {
            Fields memory expected = _fields(state);
            expected.epochs[c] = uint32(MAX_EPOCH);
            _assertFields(_fields(state.withEpoch(c, uint32(MAX_EPOCH))), expected, "max epoch");
            expected.epochs[c] = 0;
            _assertFields(_fields(state.withEpoch(c, 0)), expected, "zero epoch");
        }
    }

    function test_withExpiringHolders_firstHolder_setsScopeAndDue() public view {
        PatientState state = _busyStateWithoutExpiry();
        Fields memory expected = _fields(state);
        expected.expiring = 0x06;
        expected.due = T0 + 100;
        _assertFields(_fields(state.withExpiringHolders(0x06, T0 + 100)), expected, "first holder");
    }

    function test_withExpiringHolders_laterExpiry_addsScopeAndKeepsEarlierDue() public view {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x01, T0 + 100).withExpiringHolders(0x80, T0 + 500);
        assertEq(state.expiringScope(), 0x81, "both scopes expiring");
        assertEq(state.rotationDueAt(), T0 + 100, "the earliest expiry stays due");
    }

    function test_withExpiringHolders_earlierExpiry_movesDueEarlier() public view {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x01, T0 + 500).withExpiringHolders(0x02, T0 + 100);
        assertEq(state.expiringScope(), 0x03, "both scopes expiring");
        assertEq(state.rotationDueAt(), T0 + 100, "the earlier expiry is due");
    }

    // ---- rotationRequired ------------------------------------------------------------------------

    function test_rotationRequired_pendingCategory_trueOnlyForThatCategory() public view {
        PatientState state = PatientState.wrap(0).withPending(0x08);
        for (uint8 c = 0; c < 8; ++c) {
            assertEq(harness.rotationRequired(state, c), c == 3, "only the pending category");
        }
    }

    function test_rotationRequired_expiringCategory_falseBeforeDueTrueFromDue() public {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x04, T0 + 100);
        vm.warp(T0 + 99);
        assertFalse(harness.rotationRequired(state, 2), "one second before the due time");
        vm.warp(T0 + 100);
        assertTrue(harness.rotationRequired(state, 2), "exactly at the due time");
        assertFalse(harness.rotationRequired(state, 1), "a category nobody expiring holds");
    }

    function test_withExpiringHolders_afterDue_settlesTheLapsedCategoriesAndTracksOnlyTheNewHolder() public {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x01, T0 + 100);
        vm.warp(T0 + 150);
        PatientState granted = harness.withExpiringHolders(state, 0x02, T0 + 900);
        assertEq(granted.rotationPending(), 0x01, "the lapsed category is pending");
        assertEq(granted.expiringScope(), 0x02, "only the new holder's category is expiring");
        assertEq(granted.rotationDueAt(), T0 + 900, "due when the new holder expires");
        assertFalse(harness.rotationRequired(granted, 1), "the new category is usable at once");
    }

    // ---- withRotation ----------------------------------------------------------------------------

    function test_withRotation_beforeDue_setsEpochAndClearsOnlyThatCategorysPending() public view {
        // Pending 0x5a includes category 1; the busy state's due time lies far in the future.
        PatientState state = _busyState();
        Fields memory expected = _fields(state);
        expected.epochs[1] = 77;
        expected.pending = 0x58;
        _assertFields(_fields(harness.withRotation(state, 1, 77, 0)), expected, "rotation of category 1");
    }

    function test_withRotation_beforeDue_keepsOtherExpiringCategoriesAndDue() public {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x05, T0 + 100);
        vm.warp(T0 + 99);
        PatientState rotated = harness.withRotation(state, 0, 2, 0);
        assertEq(rotated.expiringScope(), 0x04, "category 2 still expiring, category 0 no longer");
        assertEq(rotated.rotationDueAt(), T0 + 100, "due time kept");
        assertEq(rotated.rotationPending(), 0, "nothing pending yet");
    }

    function test_withRotation_atDue_turnsEveryOtherExpiringCategoryIntoPending() public {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x07, T0 + 100);
        vm.warp(T0 + 100);
        PatientState rotated = harness.withRotation(state, 0, 2, 0);
        assertEq(rotated.rotationPending(), 0x06, "the other expired categories now pending");
        assertEq(rotated.expiringScope(), 0, "nothing expiring any more");
        assertEq(rotated.rotationDueAt(), 0, "no due time without expiring categories");
    }

    function test_withRotation_atDueWithExpiringHolders_restartsTrackingFromTheNewHolders() public {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x03, T0 + 100);
        vm.warp(T0 + 150);
        PatientState rotated = harness.withRotation(state, 1, 2, T0 + 900);
        assertEq(rotated.rotationPending(), 0x01, "category 0 expired and is pending");
        assertEq(rotated.expiringScope(), 0x02, "category 1 held by the new expiring holders");
        assertEq(rotated.rotationDueAt(), T0 + 900, "due when the new holders expire");
    }

    function test_withRotation_holdersExpireBeforeDue_movesDueEarlier() public view {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x01, T0 + 500);
        PatientState rotated = harness.withRotation(state, 4, 1, T0 + 200);
        assertEq(rotated.expiringScope(), 0x11, "both categories expiring");
        assertEq(rotated.rotationDueAt(), T0 + 200, "the earlier holder expiry is due");
    }

    function test_withRotation_holdersExpireAfterDue_keepsDue() public view {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x01, T0 + 500);
        PatientState rotated = harness.withRotation(state, 4, 1, T0 + 800);
        assertEq(rotated.expiringScope(), 0x11, "both categories expiring");
        assertEq(rotated.rotationDueAt(), T0 + 500, "the earlier due time is kept");
    }

    function test_withRotation_lastExpiringCategoryWithoutExpiringHolders_clearsDue() public view {
        PatientState state = PatientState.wrap(0).withExpiringHolders(0x20, T0 + 500);
        PatientState rotated = harness.withRotation(state, 5, 3, 0);
        assertEq(rotated.expiringScope(), 0, "nothing expiring");
        assertEq(rotated.rotationDueAt(), 0, "due time cleared");
    }

    function test_withRotation_keepsRecordCountAndOtherEpochs() public view {
        PatientState state = _busyState();
        PatientState rotated = harness.withRotation(state, 6, 9, 0);
        assertEq(rotated.recordCount(), state.recordCount(), "record count");
        for (uint8 c = 0; c < 8; ++c) {
            assertEq(rotated.epoch(c), c == 6 ? 9 : state.epoch(c), "epochs");
        }
    }
}

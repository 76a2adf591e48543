// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {IConsent} from "../../../contracts/interfaces/IConsent.sol";
import {IScopeKeys} from "../../../contracts/interfaces/IScopeKeys.sol";
import {PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

contract ScopeKeysTest is LedgerFixture {
    uint8 internal constant NOTES = 0;
    uint8 internal constant LABS = 1;
    uint8 internal constant IMAGING = 2;

    function setUp() public {
        _deployWorld();
    }

    function _rotateReverts(
        address rotator,
        uint8 category,
        uint32 expectedEpoch,
        bytes memory previousKeyWrap,
        IScopeKeys.ScopeKeyWrap[] memory wraps,
        bytes memory revertData
    ) internal {
        vm.prank(rotator);
        vm.expectRevert(revertData);
        ledger.rotateScopeKey(patient, category, expectedEpoch, previousKeyWrap, wraps);
    }

    // ---- creating and rotating -------------------------------------------------------------------

    function test_rotateScopeKey_firstEpochByPatient_emitsRotationAndPatientsWrap() public {
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(patient, _none());
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IScopeKeys.ScopeKeyRotated(patient, LABS, patient, 1, "");
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IScopeKeys.ScopeKeyWrapped(patient, patient, LABS, 1, wraps[0].wrap);
        vm.prank(patient);
        ledger.rotateScopeKey(patient, LABS, 0, "", wraps);

        IScopeKeys.ScopeKeyState memory state = ledger.scopeKeyState(patient, LABS);
        assertEq(state.epoch, 1, "epoch");
        assertFalse(state.rotationPending, "nothing pending");
        assertEq(state.rotationDueAt, 0, "nothing due");
    }

    function test_rotateScopeKey_byWriter_emitsEveryWrapWithTheNewEpoch() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, doctor, 0, 0x01, 0);
        _grant(patient, insurer, 0x01, 0, 0);
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(patient, _list(doctor, insurer));
        bytes memory link = _wrap(0x03);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IScopeKeys.ScopeKeyRotated(patient, NOTES, doctor, 2, link);
        for (uint256 i = 0; i < wraps.length; ++i) {
            vm.expectEmit(true, true, true, true, address(ledger));
            emit IScopeKeys.ScopeKeyWrapped(patient, wraps[i].recipient, NOTES, 2, wraps[i].wrap);
        }
        vm.prank(doctor);
        ledger.rotateScopeKey(patient, NOTES, 1, link, wraps);
        assertEq(ledger.scopeKeyState(patient, NOTES).epoch, 2, "epoch");
    }

    function test_rotateScopeKey_byReaderOnly_reverts() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, insurer, 0x01, 0, 0);
        _rotateReverts(insurer, NOTES, 1, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysUnauthorizedRotator.selector, insurer, patient, NOTES));
    }

    function test_rotateScopeKey_invalidCategory_reverts() public {
        _rotateReverts(patient, 8, 0, "", _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidCategory.selector, uint8(8)));
    }

    function test_rotateScopeKey_whilePaused_reverts() public {
        _pause();
        _rotateReverts(patient, NOTES, 0, "", _keyWraps(patient, _none()),
            abi.encodeWithSelector(Pausable.EnforcedPause.selector));
    }

    // ---- compare-and-swap on the epoch -----------------------------------------------------------

    function test_rotateScopeKey_staleExpectedEpoch_reverts() public {
        _initScopeKey(patient, NOTES);
        _rotate(patient, patient, NOTES, _none());
        _rotateReverts(patient, NOTES, 1, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysEpochMismatch.selector, patient, NOTES, uint32(1), uint32(2)));
    }

    function test_rotateScopeKey_futureExpectedEpoch_reverts() public {
        _rotateReverts(patient, NOTES, 1, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysEpochMismatch.selector, patient, NOTES, uint32(1), uint32(0)));
    }

    function test_rotateScopeKey_twoClientsFromTheSameEpoch_onlyTheFirstWins() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, doctor, 0x01, 0x01, 0);
        _rotate(doctor, patient, NOTES, _none());
        _rotateReverts(patient, NOTES, 1, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysEpochMismatch.selector, patient, NOTES, uint32(1), uint32(2)));
    }

    // ---- chain link and wraps --------------------------------------------------------------------

    function test_rotateScopeKey_firstEpochWithChainLink_reverts() public {
        _rotateReverts(patient, NOTES, 0, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysChainLinkMismatch.selector, uint32(0), uint256(80)));
    }

    function test_rotateScopeKey_laterEpochWithoutChainLink_reverts() public {
        _initScopeKey(patient, NOTES);
        _rotateReverts(patient, NOTES, 1, "", _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysChainLinkMismatch.selector, uint32(1), uint256(0)));
    }

    function test_rotateScopeKey_firstWrapNotThePatientsOrNoWraps_reverts() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, doctor, 0x01, 0x01, 0);
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(doctor, _list(patient));
        _rotateReverts(patient, NOTES, 1, _wrap(3), wraps,
            abi.encodeWithSelector(IScopeKeys.ScopeKeysFirstWrapNotPatient.selector, doctor));
        _rotateReverts(patient, NOTES, 1, _wrap(3), new IScopeKeys.ScopeKeyWrap[](0),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysFirstWrapNotPatient.selector, address(0)));
    }

    function test_rotateScopeKey_recipientWithoutReadAccess_reverts() public {
        _initScopeKey(patient, NOTES);
        _initScopeKey(patient, LABS);
        _grant(patient, insurer, 0x02, 0, 0);
        _rotateReverts(patient, NOTES, 1, _wrap(3), _keyWraps(patient, _list(insurer)),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysRecipientLacksAccess.selector, insurer));
    }

    function test_rotateScopeKey_recipientWhoseGrantExpired_reverts() public {
        _initScopeKey(patient, NOTES);
        uint40 expiresAt = uint40(_now() + 1 days);
        _grant(patient, insurer, 0x01, 0, expiresAt);
        vm.warp(expiresAt);
        _rotateReverts(patient, NOTES, 1, _wrap(3), _keyWraps(patient, _list(insurer)),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysRecipientLacksAccess.selector, insurer));
    }

    function test_rotateScopeKey_wrapLengthBounds_48And160Accepted() public {
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(patient, _none());
        wraps[0].wrap = _wrapOfLength(1, 48);
        vm.prank(patient);
        ledger.rotateScopeKey(patient, NOTES, 0, "", wraps);
        wraps[0].wrap = _wrapOfLength(1, 160);
        vm.prank(patient);
        ledger.rotateScopeKey(patient, NOTES, 1, _wrapOfLength(3, 160), wraps);
        vm.prank(patient);
        ledger.rotateScopeKey(patient, NOTES, 2, _wrapOfLength(3, 48), wraps);
        assertEq(ledger.scopeKeyState(patient, NOTES).epoch, 3, "all three rotations accepted");
    }

    function test_rotateScopeKey_wrapOf47Or161Bytes_reverts() public {
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(patient, _none());
        wraps[0].wrap = _wrapOfLength(1, 47);
        _rotateReverts(patient, NOTES, 0, "", wraps,
            abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidWrapLength.selector, uint256(47)));
        wraps[0].wrap = _wrapOfLength(1, 161);
        _rotateReverts(patient, NOTES, 0, "", wraps,
            abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidWrapLength.selector, uint256(161)));
    }

    function test_rotateScopeKey_readerWrapOrChainLinkOutOfBounds_reverts() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, insurer, 0x01, 0, 0);
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(patient, _list(insurer));
        wraps[1].wrap = _wrapOfLength(2, 161);
        _rotateReverts(patient, NOTES, 1, _wrap(3), wraps,
            abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidWrapLength.selector, uint256(161)));
        _rotateReverts(patient, NOTES, 1, _wrapOfLength(3, 47), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidWrapLength.selector, uint256(47)));
    }

    function test_grant_wrapOf47Or161Bytes_reverts() public {
        _initScopeKey(patient, NOTES);
        _grantWithWrapLengthReverts(47);
        _grantWithWrapLengthReverts(161);
    }

    function test_grant_wrapOf48And160Bytes_accepted() public {
        _initScopeKey(patient, NOTES);
        _grantWithWrapLength(doctor, 48);
        _grantWithWrapLength(lab, 160);
        assertTrue(ledger.hasAccess(patient, lab, NOTES, false), "both grants stored");
    }

    function _grantWithWrapLength(address grantee, uint256 length) internal {
        IConsent.GrantInput memory input = _input(grantee, 0x01, 0, 0);
        input.scopeKeyWraps[0] = _wrapOfLength(9, length);
        IConsent.GrantInput[] memory inputs = _inputs(input);
        vm.prank(patient);
        ledger.grant(inputs);
    }

    function _grantWithWrapLengthReverts(uint256 length) internal {
        IConsent.GrantInput memory input = _input(doctor, 0x01, 0, 0);
        input.scopeKeyWraps[0] = _wrapOfLength(9, length);
        IConsent.GrantInput[] memory inputs = _inputs(input);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidWrapLength.selector, length));
        ledger.grant(inputs);
    }

    // ---- R2: after a revoke the key must rotate before new records --------------------------------

    function test_revoke_forcesRotationBeforeTheNextRecord() public {
        _initScopeKey(patient, NOTES);
        _grant(patient, doctor, 0x01, 0x01, 0);
        _grant(patient, insurer, 0x01, 0, 0);
        _revoke(patient, insurer);

        assertTrue(ledger.scopeKeyState(patient, NOTES).rotationPending, "pending after revoke");
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysRotationRequired.selector, patient, NOTES));
        ledger.addRecord(patient, NOTES, 1, _digest(1));

        _rotate(doctor, patient, NOTES, _list(doctor));
        assertFalse(ledger.rotationRequired(patient, NOTES), "rotated to the remaining readers");
        vm.prank(doctor);
        ledger.addRecord(patient, NOTES, 2, _digest(1));
        assertEq(ledger.recordCount(patient), 1, "record under the new epoch");
    }

    // ---- R4: once an expiring holder's grant runs out, the key must rotate -------------------------

    function test_grant_withExpiry_makesTheCategoryDueAtThatExpiry() public {
        _initScopeKey(patient, NOTES);
        uint40 expiresAt = uint40(_now() + 7 days);
        _grant(patient, insurer, 0x01, 0, expiresAt);
        assertEq(ledger.scopeKeyState(patient, NOTES).rotationDueAt, expiresAt, "due at the expiry");

        vm.warp(expiresAt - 1);
        assertFalse(ledger.rotationRequired(patient, NOTES), "not due one second before");
        _addRecord(patient, patient, NOTES);
        vm.warp(expiresAt);
        assertTrue(ledger.rotationRequired(patient, NOTES), "due exactly at the expiry");
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysRotationRequired.selector, patient, NOTES));
        ledger.addRecord(patient, NOTES, 1, _digest(2));
    }

    function test_rotateScopeKey_toExpiringReader_tracksTheEarliestReaderExpiry() public {
        _initScopeKey(patient, NOTES);
        uint40 soon = uint40(_now() + 1 days);
        uint40 later = uint40(_now() + 9 days);
        _grant(patient, insurer, 0x01, 0, later);
        _grant(patient, caregiver, 0x01, 0, soon);
        _revoke(patient, caregiver);
        _rotate(patient, patient, NOTES, _list(insurer));
        IScopeKeys.ScopeKeyState memory state = ledger.scopeKeyState(patient, NOTES);
        assertFalse(state.rotationPending, "rotation cleared the revoke");
        assertEq(state.rotationDueAt, later, "due when the remaining reader expires");
    }

    function test_rotateScopeKey_afterDue_turnsOtherExpiredCategoriesIntoPending() public {
        _initScopeKey(patient, NOTES);
        _initScopeKey(patient, LABS);
        uint40 expiresAt = uint40(_now() + 1 days);
        _grant(patient, insurer, 0x03, 0, expiresAt);
        vm.warp(expiresAt + 1);
        _rotate(patient, patient, NOTES, _none());
        assertFalse(ledger.rotationRequired(patient, NOTES), "the rotated category is clean");
        IScopeKeys.ScopeKeyState memory labs = ledger.scopeKeyState(patient, LABS);
        assertTrue(labs.rotationPending, "the other expired category stays owed, now as pending");
        assertEq(labs.rotationDueAt, 0, "no longer tracked by time");
    }

    /// @dev The rotating writer made the new key in its browser, so it knows it whether or not it
    /// sends itself a wrap. Its grant's expiry must therefore count like a reader's: once the writer's
    /// grant has run out, the category must rotate again before new records.
    function test_rotateScopeKey_byExpiringWriterOmittingItself_stillRotatesAfterTheWriterExpires() public {
        _initScopeKey(patient, NOTES);
        uint40 expiresAt = uint40(_now() + 1 days);
        _grant(patient, doctor, 0x01, 0x01, expiresAt);
        _rotate(doctor, patient, NOTES, _none());
        vm.warp(expiresAt);
        assertFalse(ledger.hasAccess(patient, doctor, NOTES, false), "the writer's grant has expired");
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysRotationRequired.selector, patient, NOTES));
        ledger.addRecord(patient, NOTES, 2, _digest(1));
        assertTrue(ledger.rotationRequired(patient, NOTES), "a key the expired writer made must rotate");
    }

    // ---- capacity --------------------------------------------------------------------------------

    function test_rotateScopeKey_atMaxEpoch_reverts() public {
        uint32 maxEpoch = uint32(PatientStateLib.MAX_EPOCH);
        _setEpoch(patient, IMAGING, maxEpoch);
        assertEq(ledger.scopeKeyState(patient, IMAGING).epoch, maxEpoch, "epoch set to the maximum");
        _rotateReverts(patient, IMAGING, maxEpoch, _wrap(3), _keyWraps(patient, _none()),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysEpochExhausted.selector, patient, IMAGING));
    }

    function test_rotateScopeKey_oneBelowMaxEpoch_reachesTheMaxWithoutTouchingNeighbours() public {
        _initScopeKey(patient, LABS);
        _initScopeKey(patient, 3);
        uint32 last = uint32(PatientStateLib.MAX_EPOCH) - 1;
        _setEpoch(patient, IMAGING, last);
        _rotate(patient, patient, IMAGING, _none());
        assertEq(ledger.scopeKeyState(patient, IMAGING).epoch, last + 1, "the last epoch");
        assertEq(ledger.scopeKeyState(patient, LABS).epoch, 1, "the category below is untouched");
        assertEq(ledger.scopeKeyState(patient, 3).epoch, 1, "the category above is untouched");
    }
}

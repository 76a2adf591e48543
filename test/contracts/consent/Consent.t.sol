// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {IConsent} from "../../../contracts/interfaces/IConsent.sol";
import {IParticipantRegistry} from "../../../contracts/interfaces/IParticipantRegistry.sol";
import {IScopeKeys} from "../../../contracts/interfaces/IScopeKeys.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

contract ConsentTest is LedgerFixture {
    uint8 internal constant NOTES = 0;
    uint8 internal constant LABS = 1;
    uint8 internal constant IMAGING = 2;

    function setUp() public {
        _deployWorld();
        _initScopeKey(patient, NOTES);
        _initScopeKey(patient, LABS);
        _initScopeKey(patient, IMAGING);
    }

    function _grantReverts(address owner, IConsent.GrantInput memory input, bytes memory revertData) internal {
        IConsent.GrantInput[] memory inputs = _inputs(input);
        vm.prank(owner);
        vm.expectRevert(revertData);
        ledger.grant(inputs);
    }

    // ---- grant -----------------------------------------------------------------------------------

    function test_grant_newGrantee_storesGrantAndEmitsGrantAndOneWrapPerCategory() public {
        uint40 expiresAt = uint40(_now() + 30 days);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IConsent.AccessGranted(patient, doctor, 0x03, 0x01, expiresAt);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IScopeKeys.ScopeKeyWrapped(patient, doctor, NOTES, 1, _wrap(0x40 + NOTES));
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IScopeKeys.ScopeKeyWrapped(patient, doctor, LABS, 1, _wrap(0x40 + LABS));
        _grant(patient, doctor, 0x02, 0x01, expiresAt);

        IConsent.Grant memory stored = ledger.grantOf(patient, doctor);
        assertEq(stored.readScope, 0x03, "write implies read");
        assertEq(stored.writeScope, 0x01, "writeScope");
        assertEq(stored.expiresAt, expiresAt, "expiresAt");
        assertEq(stored.grantedAt, _now(), "grantedAt");
    }

    function test_grant_severalGrantees_storesEach() public {
        IConsent.GrantInput[] memory inputs = new IConsent.GrantInput[](2);
        inputs[0] = _input(doctor, 0x01, 0x01, 0);
        inputs[1] = _input(caregiver, 0x04, 0, 0);
        vm.prank(patient);
        ledger.grant(inputs);
        assertTrue(ledger.hasAccess(patient, doctor, NOTES, true), "doctor writes notes");
        assertTrue(ledger.hasAccess(patient, caregiver, IMAGING, false), "caregiver reads imaging");
    }

    function test_grant_noInputs_reverts() public {
        IConsent.GrantInput[] memory inputs = new IConsent.GrantInput[](0);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentNoGrantees.selector));
        ledger.grant(inputs);
    }

    function test_grant_byNonPatient_reverts() public {
        _grantReverts(doctor, _input(lab, 0x01, 0, 0),
            abi.encodeWithSelector(IConsent.ConsentCallerNotPatient.selector, doctor));
    }

    function test_grant_bySuspendedPatient_reverts() public {
        _suspend(patient);
        _grantReverts(patient, _input(doctor, 0x01, 0, 0),
            abi.encodeWithSelector(IParticipantRegistry.RegistryInactiveParticipant.selector, patient));
    }

    function test_grant_toSelf_reverts() public {
        _grantReverts(patient, _input(patient, 0x01, 0, 0),
            abi.encodeWithSelector(IConsent.ConsentSelfGrant.selector, patient));
    }

    function test_grant_toAuditorOrUnregistered_reverts() public {
        _grantReverts(patient, _input(auditor, 0x01, 0, 0),
            abi.encodeWithSelector(IConsent.ConsentInvalidGrantee.selector, auditor));
        _grantReverts(patient, _input(stranger, 0x01, 0, 0),
            abi.encodeWithSelector(IConsent.ConsentInvalidGrantee.selector, stranger));
    }

    function test_grant_toSuspendedGrantee_reverts() public {
        _suspend(doctor2);
        _grantReverts(patient, _input(doctor2, 0x01, 0, 0),
            abi.encodeWithSelector(IParticipantRegistry.RegistryInactiveParticipant.selector, doctor2));
    }

    function test_grant_emptyScope_reverts() public {
        _grantReverts(patient, _input(doctor, 0, 0, 0), abi.encodeWithSelector(IConsent.ConsentEmptyScope.selector));
    }

    function test_grant_writeToInsurerOrCaregiver_reverts() public {
        _grantReverts(patient, _input(insurer, 0, 0x01, 0),
            abi.encodeWithSelector(IConsent.ConsentWriteNotAllowed.selector, insurer));
        _grantReverts(patient, _input(caregiver, 0x01, 0x01, 0),
            abi.encodeWithSelector(IConsent.ConsentWriteNotAllowed.selector, caregiver));
    }

    function test_grant_whenExpiryIsNow_reverts() public {
        uint40 now_ = uint40(_now());
        _grantReverts(patient, _input(doctor, 0x01, 0, now_),
            abi.encodeWithSelector(IConsent.ConsentExpiryInPast.selector, now_, uint256(now_)));
    }

    function test_grant_whenExpiryInPast_reverts() public {
        uint40 past = uint40(_now() - 1);
        _grantReverts(patient, _input(doctor, 0x01, 0, past),
            abi.encodeWithSelector(IConsent.ConsentExpiryInPast.selector, past, _now()));
    }

    function test_grant_expiryOneSecondAhead_grantsUntilThen() public {
        uint40 expiresAt = uint40(_now() + 1);
        _grant(patient, doctor, 0x01, 0, expiresAt);
        assertTrue(ledger.hasAccess(patient, doctor, NOTES, false), "readable before the expiry");
        vm.warp(expiresAt);
        assertFalse(ledger.hasAccess(patient, doctor, NOTES, false), "gone exactly at the expiry");
    }

    function test_grant_wrapCountMismatch_reverts() public {
        IConsent.GrantInput memory input = _input(doctor, 0x03, 0, 0);
        input.scopeKeyWraps = _wraps(0x01);
        _grantReverts(patient, input,
            abi.encodeWithSelector(IConsent.ConsentWrapCountMismatch.selector, doctor, uint256(2), uint256(1)));
    }

    function test_grant_categoryWithoutScopeKey_reverts() public {
        _grantReverts(patient, _input(doctor, 0x09, 0, 0),
            abi.encodeWithSelector(IScopeKeys.ScopeKeysUninitialized.selector, patient, uint8(3)));
    }

    function test_grant_whilePaused_reverts() public {
        _pause();
        _grantReverts(patient, _input(doctor, 0x01, 0, 0), abi.encodeWithSelector(Pausable.EnforcedPause.selector));
    }

    function test_grant_regrantNarrowingScope_updatesInPlaceAndMarksDroppedCategoriesForRotation() public {
        _grant(patient, doctor, 0x07, 0x01, 0);
        _grant(patient, doctor, 0x01, 0, 0);
        IConsent.Grant memory stored = ledger.grantOf(patient, doctor);
        assertEq(stored.readScope, 0x01, "narrowed readScope");
        assertEq(stored.writeScope, 0, "narrowed writeScope");
        assertFalse(ledger.rotationRequired(patient, NOTES), "a kept category needs no rotation");
        assertTrue(ledger.rotationRequired(patient, LABS), "a dropped category awaits rotation");
        assertTrue(ledger.scopeKeyState(patient, IMAGING).rotationPending, "dropped categories are pending");
    }

    function test_grant_regrantWidening_marksNothingForRotation() public {
        _grant(patient, doctor, 0x01, 0, 0);
        _grant(patient, doctor, 0x07, 0, 0);
        for (uint8 c = 0; c < 3; ++c) assertFalse(ledger.rotationRequired(patient, c), "nothing dropped");
    }

    // ---- revoke ----------------------------------------------------------------------------------

    function test_revoke_existingGrant_deletesEmitsAndMarksItsCategoriesForRotation() public {
        _grant(patient, doctor, 0x04, 0x01, 0);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IConsent.AccessRevoked(patient, doctor, 0x05);
        _revoke(patient, doctor);

        assertEq(ledger.grantOf(patient, doctor).readScope, 0, "grant deleted");
        assertFalse(ledger.hasAccess(patient, doctor, NOTES, false), "no access");
        assertTrue(ledger.rotationRequired(patient, NOTES), "notes await rotation");
        assertTrue(ledger.rotationRequired(patient, IMAGING), "imaging awaits rotation");
        assertFalse(ledger.rotationRequired(patient, LABS), "labs untouched");
    }

    function test_revoke_withoutGrant_emitsNothingAndMarksNothing() public {
        vm.recordLogs();
        _revoke(patient, doctor);
        assertNoLogs("revoking nothing is a no-op");
        assertFalse(ledger.rotationRequired(patient, NOTES), "nothing to rotate");
    }

    function test_revoke_byNonPatientOrWhilePaused_reverts() public {
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentCallerNotPatient.selector, doctor));
        ledger.revoke(lab);
        _pause();
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        ledger.revoke(doctor);
    }

    // ---- requestAccess / denyRequest -------------------------------------------------------------

    function test_requestAccess_byProvider_recordsAndEmitsReadIncludingWrite() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IConsent.AccessRequested(patient, doctor, 0x03, 0x02, 4);
        vm.prank(doctor);
        ledger.requestAccess(patient, 0x01, 0x02, 4);
        assertEq(ledger.requestedAt(patient, doctor), _now(), "requestedAt");
    }

    function test_requestAccess_byPatientOrUnregistered_reverts() public {
        vm.prank(caregiver);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentRequesterNotProvider.selector, caregiver));
        ledger.requestAccess(patient, 0x01, 0, 0);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryNotRegistered.selector, stranger));
        ledger.requestAccess(patient, 0x01, 0, 0);
    }

    function test_requestAccess_invalidArguments_reverts() public {
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentNotAPatient.selector, lab));
        ledger.requestAccess(lab, 0x01, 0, 0);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentEmptyScope.selector));
        ledger.requestAccess(patient, 0, 0, 0);
        vm.prank(insurer);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentWriteNotAllowed.selector, insurer));
        ledger.requestAccess(patient, 0, 0x10, 2);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentInvalidPurpose.selector, uint8(9)));
        ledger.requestAccess(patient, 0x01, 0, 9);
    }

    function test_requestAccess_highestPurpose_accepted() public {
        vm.prank(insurer);
        ledger.requestAccess(patient, 0x10, 0, 8);
        assertEq(ledger.requestedAt(patient, insurer), _now(), "purpose 8 is valid");
    }

    function test_denyRequest_openRequest_clearsAndEmits() public {
        vm.prank(doctor);
        ledger.requestAccess(patient, 0x01, 0, 0);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IConsent.AccessRequestDenied(patient, doctor, 3);
        vm.prank(patient);
        ledger.denyRequest(doctor, 3);
        assertEq(ledger.requestedAt(patient, doctor), 0, "request cleared");
    }

    function test_denyRequest_noOpenRequest_emitsNothing() public {
        vm.recordLogs();
        vm.prank(patient);
        ledger.denyRequest(doctor, 0);
        assertNoLogs("denying nothing is a no-op");
    }

    function test_denyRequest_invalidReason_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentInvalidReason.selector, uint8(4)));
        ledger.denyRequest(doctor, 4);
    }

    // ---- hasAccess -------------------------------------------------------------------------------

    function test_hasAccess_ownRecords_trueWithoutGrantButFalseWhileSuspendedOrPaused() public {
        assertTrue(ledger.hasAccess(patient, patient, 7, true), "a patient writes their own records");
        _suspend(patient);
        assertFalse(ledger.hasAccess(patient, patient, 7, true), "not while suspended");
        vm.prank(admin);
        ledger.reactivate(patient);
        _pause();
        assertFalse(ledger.hasAccess(patient, patient, 7, false), "not while paused");
    }

    function test_hasAccess_readOnlyGrant_readsButDoesNotWrite() public {
        _grant(patient, doctor, 0x02, 0, 0);
        assertTrue(ledger.hasAccess(patient, doctor, LABS, false), "reads labs");
        assertFalse(ledger.hasAccess(patient, doctor, LABS, true), "does not write labs");
        assertFalse(ledger.hasAccess(patient, doctor, NOTES, false), "does not read notes");
    }

    function test_hasAccess_suspendedGrantee_falseUntilReactivated() public {
        _grant(patient, lab, 0x02, 0x02, 0);
        vm.prank(hospital);
        ledger.suspend(lab);
        assertFalse(ledger.hasAccess(patient, lab, LABS, false), "suspended grantee");
        vm.prank(admin);
        ledger.reactivate(lab);
        assertTrue(ledger.hasAccess(patient, lab, LABS, true), "reactivated grantee");
    }

    function test_hasAccess_invalidCategoryOrNonPatient_false() public {
        _grant(patient, doctor, ALL & 0x07, 0, 0);
        assertFalse(ledger.hasAccess(patient, doctor, 8, false), "category 8 does not exist");
        assertFalse(ledger.hasAccess(doctor, doctor, NOTES, false), "a doctor has no own records");
    }

    // ---- R1: a grant costs the same whatever the number of records ---------------------------------

    /// @dev Reading even one slot per record would cost 50 x 2,100 gas here. The slack only absorbs
    /// pricing that depends on what the single test transaction touched before (warm, dirty slots).
    uint256 internal constant GAS_SLACK = 1_000;

    function test_grant_gasDoesNotDependOnRecordCount() public {
        _warmUpPatientSlots();
        uint256 before = _gasOfGrant(doctor2);
        for (uint256 i = 0; i < 50; ++i) _addRecord(patient, patient, NOTES);
        uint256 afterRecords = _gasOfGrant(lab);
        assertLe(afterRecords, before + GAS_SLACK, "grant gas with 50 records vs none");
    }

    function test_revoke_gasDoesNotDependOnRecordCount() public {
        _grant(patient, doctor2, 0x06, 0x06, 0);
        _grant(patient, lab, 0x06, 0x06, 0);
        uint256 before = _gasOfRevoke(doctor2);
        for (uint256 i = 0; i < 50; ++i) _addRecord(patient, patient, NOTES);
        uint256 afterRecords = _gasOfRevoke(lab);
        assertLe(afterRecords, before + GAS_SLACK, "revoke gas with 50 records vs none");
    }

    /// @dev Touches the patient's slot and the pause flag, so both measurements find them warm
    /// (a Solidity test is one transaction) and differ only by what the record count could change.
    function _warmUpPatientSlots() internal {
        _grant(patient, insurer, 0x01, 0, 0);
    }

    /// @dev Both measured grantees are untouched until measured, so their slots are equally cold.
    /// Without expiry the grant leaves the patient's slot unwritten, so the records' writes to it
    /// cannot change the cost of the measured call either.
    function _gasOfGrant(address grantee) internal returns (uint256 used) {
        IConsent.GrantInput[] memory inputs = _inputs(_input(grantee, 0x07, 0x07, 0));
        vm.prank(patient);
        uint256 start = gasleft();
        ledger.grant(inputs);
        used = start - gasleft();
    }

    function _gasOfRevoke(address grantee) internal returns (uint256 used) {
        vm.prank(patient);
        uint256 start = gasleft();
        ledger.revoke(grantee);
        used = start - gasleft();
    }
}

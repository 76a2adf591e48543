// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {IRecordLog} from "../../../contracts/interfaces/IRecordLog.sol";
import {IScopeKeys} from "../../../contracts/interfaces/IScopeKeys.sol";
import {PatientStateLib} from "../../../contracts/libraries/PatientState.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

contract RecordLogTest is LedgerFixture {
    uint8 internal constant NOTES = 0;
    uint8 internal constant LABS = 1;
    uint8 internal constant RETRACT_WRONG_PATIENT = 1;

    function setUp() public {
        _deployWorld();
        _initScopeKey(patient, NOTES);
        _initScopeKey(patient, LABS);
        _grant(patient, doctor, 0x03, 0x03, 0);
        _grant(patient, doctor2, 0x01, 0x01, 0);
        _grant(patient, lab, 0x02, 0x02, 0);
        _grant(patient, hospital, 0x01, 0x01, 0);
        _grant(patient, insurer, 0x03, 0, 0);
    }

    function _expectRecordAdded(uint256 id, address author, uint8 category, bytes32 digest, address facility, uint256 supersedes)
        internal
    {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IRecordLog.RecordAdded(patient, id, author, category, 1, digest, facility, supersedes);
    }

    // ---- addRecord -------------------------------------------------------------------------------

    function test_addRecord_byPatient_storesRecordAndEmitsWithoutFacility() public {
        _expectRecordAdded(1, patient, LABS, _digest(7), address(0), 0);
        vm.prank(patient);
        uint256 id = ledger.addRecord(patient, LABS, 1, _digest(7));
        assertEq(id, 1, "first id");
        IRecordLog.Record memory stored = ledger.record(patient, 1);
        assertEq(stored.author, patient, "author");
        assertEq(stored.category, LABS, "category");
        assertTrue(stored.status == IRecordLog.RecordStatus.Active, "status");
        assertEq(stored.epoch, 1, "epoch");
        assertEq(stored.createdAt, _now(), "createdAt");
        assertEq(ledger.recordCount(patient), 1, "recordCount");
    }

    function test_addRecord_facility_isTheAuthorsHospital() public {
        _expectRecordAdded(1, doctor, NOTES, _digest(1), hospital, 0);
        vm.prank(doctor);
        ledger.addRecord(patient, NOTES, 1, _digest(1));
        _expectRecordAdded(2, lab, LABS, _digest(2), hospital, 0);
        vm.prank(lab);
        ledger.addRecord(patient, LABS, 1, _digest(2));
        _expectRecordAdded(3, hospital, NOTES, _digest(3), hospital, 0);
        vm.prank(hospital);
        ledger.addRecord(patient, NOTES, 1, _digest(3));
        _expectRecordAdded(4, doctor2, NOTES, _digest(4), address(0), 0);
        vm.prank(doctor2);
        ledger.addRecord(patient, NOTES, 1, _digest(4));
    }

    function test_addRecord_idSequence_perPatientFromOne() public {
        _initScopeKey(caregiver, NOTES);
        assertEq(_addRecord(patient, patient, NOTES), 1, "patient's first");
        assertEq(_addRecord(doctor, patient, LABS), 2, "patient's second, other author and category");
        assertEq(_addRecord(caregiver, caregiver, NOTES), 1, "caregiver's own sequence starts at one");
        assertEq(_addRecord(lab, patient, LABS), 3, "patient's third");
        assertEq(ledger.recordCount(patient), 3, "patient's count");
        assertEq(ledger.recordCount(caregiver), 1, "caregiver's count");
    }

    function test_addRecord_emptyDigest_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsEmptyDigest.selector));
        ledger.addRecord(patient, NOTES, 1, bytes32(0));
    }

    function test_addRecord_invalidCategory_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysInvalidCategory.selector, uint8(8)));
        ledger.addRecord(patient, 8, 1, _digest(1));
    }

    function test_addRecord_byReaderOrOutsideWriteScope_reverts() public {
        vm.prank(insurer);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsWriteDenied.selector, insurer, patient, NOTES));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsWriteDenied.selector, lab, patient, NOTES));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
    }

    function test_addRecord_uninitializedCategory_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysUninitialized.selector, patient, uint8(5)));
        ledger.addRecord(patient, 5, 0, _digest(1));
    }

    /// @dev R5: a record must use the current epoch; one under a stale key is rejected.
    function test_addRecord_staleEpoch_reverts() public {
        _rotate(patient, patient, NOTES, _list(doctor));
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysEpochMismatch.selector, patient, NOTES, uint32(1), uint32(2)));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
    }

    function test_addRecord_pendingRotation_reverts() public {
        _revoke(patient, insurer);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysRotationRequired.selector, patient, LABS));
        ledger.addRecord(patient, LABS, 1, _digest(1));
    }

    function test_addRecord_writerWhoseGrantExpired_reverts() public {
        uint40 expiresAt = uint40(_now() + 1 hours);
        _grant(patient, doctor2, 0x01, 0x01, expiresAt);
        vm.warp(expiresAt);
        vm.prank(doctor2);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsWriteDenied.selector, doctor2, patient, NOTES));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
    }

    function test_addRecord_whilePaused_reverts() public {
        _pause();
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
    }

    function test_addRecord_atCapacity_reverts() public {
        _setPatientBits(patient, 56, 24, PatientStateLib.MAX_RECORD_COUNT);
        assertEq(ledger.recordCount(patient), PatientStateLib.MAX_RECORD_COUNT, "count set to the maximum");
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsCapacityExhausted.selector, patient));
        ledger.addRecord(patient, NOTES, 1, _digest(1));
    }

    function test_addRecord_oneBelowCapacity_takesTheLastIdWithoutTouchingEpochs() public {
        _setPatientBits(patient, 56, 24, PatientStateLib.MAX_RECORD_COUNT - 1);
        assertEq(_addRecord(patient, patient, NOTES), PatientStateLib.MAX_RECORD_COUNT, "the last id");
        assertEq(ledger.scopeKeyState(patient, NOTES).epoch, 1, "the epochs above the count are untouched");
    }

    // ---- amendRecord -----------------------------------------------------------------------------

    function test_amendRecord_byAuthor_addsNewVersionAndSupersedesTheOld() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        _expectRecordAdded(2, doctor, NOTES, _digest(99), hospital, id);
        vm.prank(doctor);
        uint256 newId = ledger.amendRecord(patient, id, 1, _digest(99));
        assertEq(newId, 2, "next id");
        assertTrue(ledger.record(patient, id).status == IRecordLog.RecordStatus.Superseded, "old superseded");
        assertTrue(ledger.record(patient, newId).status == IRecordLog.RecordStatus.Active, "new active");
    }

    function test_amendRecord_byNonAuthor_reverts() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotAuthor.selector, patient, doctor));
        ledger.amendRecord(patient, id, 1, _digest(2));
    }

    function test_amendRecord_supersededOrMissing_reverts() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        vm.prank(doctor);
        ledger.amendRecord(patient, id, 1, _digest(2));
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotCurrent.selector, patient, id,
            IRecordLog.RecordStatus.Superseded));
        ledger.amendRecord(patient, id, 1, _digest(3));
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotFound.selector, patient, uint256(99)));
        ledger.amendRecord(patient, 99, 1, _digest(3));
    }

    function test_amendRecord_afterAuthorLostWriteAccess_reverts() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        _grant(patient, doctor, 0x03, 0x02, 0);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsWriteDenied.selector, doctor, patient, NOTES));
        ledger.amendRecord(patient, id, 1, _digest(2));
    }

    function test_amendRecord_pendingRotation_revertsAndKeepsTheOldVersionCurrent() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        _revoke(patient, doctor2);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IScopeKeys.ScopeKeysRotationRequired.selector, patient, NOTES));
        ledger.amendRecord(patient, id, 1, _digest(2));
        assertTrue(ledger.record(patient, id).status == IRecordLog.RecordStatus.Active, "still current");
    }

    function test_amendRecord_emptyDigest_reverts() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsEmptyDigest.selector));
        ledger.amendRecord(patient, id, 1, bytes32(0));
    }

    // ---- retractRecord ---------------------------------------------------------------------------

    function test_retractRecord_byAuthor_marksRetractedAndEmits() public {
        uint256 id = _addRecord(lab, patient, LABS);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IRecordLog.RecordRetracted(patient, id, lab, RETRACT_WRONG_PATIENT);
        vm.prank(lab);
        ledger.retractRecord(patient, id, RETRACT_WRONG_PATIENT);
        assertTrue(ledger.record(patient, id).status == IRecordLog.RecordStatus.Retracted, "retracted");
    }

    function test_retractRecord_twice_secondEmitsNothing() public {
        uint256 id = _addRecord(lab, patient, LABS);
        vm.prank(lab);
        ledger.retractRecord(patient, id, 0);
        vm.recordLogs();
        vm.prank(lab);
        ledger.retractRecord(patient, id, 2);
        assertNoLogs("retracting a retracted record is a no-op");
    }

    function test_retractRecord_retractedByNonAuthor_reverts() public {
        uint256 id = _addRecord(lab, patient, LABS);
        vm.prank(lab);
        ledger.retractRecord(patient, id, 0);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotAuthor.selector, doctor, lab));
        ledger.retractRecord(patient, id, 0);
    }

    function test_retractRecord_invalidReasonOrNonAuthor_reverts() public {
        uint256 id = _addRecord(lab, patient, LABS);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsInvalidReason.selector, uint8(4)));
        ledger.retractRecord(patient, id, 4);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotAuthor.selector, doctor, lab));
        ledger.retractRecord(patient, id, 0);
    }

    function test_retractRecord_supersededVersion_reverts() public {
        uint256 id = _addRecord(doctor, patient, NOTES);
        vm.prank(doctor);
        ledger.amendRecord(patient, id, 1, _digest(2));
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotCurrent.selector, patient, id,
            IRecordLog.RecordStatus.Superseded));
        ledger.retractRecord(patient, id, 0);
    }

    // ---- logAccess -------------------------------------------------------------------------------

    function test_logAccess_byReaderOrPatient_emitsReceipt() public {
        uint256 id = _addRecord(doctor, patient, LABS);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IRecordLog.RecordAccessed(patient, id, insurer, 2);
        vm.prank(insurer);
        ledger.logAccess(patient, id, 2);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IRecordLog.RecordAccessed(patient, id, patient, 5);
        vm.prank(patient);
        ledger.logAccess(patient, id, 5);
    }

    function test_logAccess_withoutReadAccess_reverts() public {
        uint256 id = _addRecord(doctor, patient, LABS);
        vm.prank(doctor2);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsReadDenied.selector, doctor2, patient, id));
        ledger.logAccess(patient, id, 0);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsReadDenied.selector, stranger, patient, id));
        ledger.logAccess(patient, id, 0);
    }

    function test_logAccess_missingRecordOrInvalidPurpose_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsNotFound.selector, patient, uint256(1)));
        ledger.logAccess(patient, 1, 0);
        uint256 id = _addRecord(patient, patient, NOTES);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsInvalidPurpose.selector, uint8(9)));
        ledger.logAccess(patient, id, 9);
    }

    function test_logAccess_afterRevoke_reverts() public {
        uint256 id = _addRecord(patient, patient, LABS);
        _revoke(patient, insurer);
        vm.prank(insurer);
        vm.expectRevert(abi.encodeWithSelector(IRecordLog.RecordsReadDenied.selector, insurer, patient, id));
        ledger.logAccess(patient, id, 2);
    }
}

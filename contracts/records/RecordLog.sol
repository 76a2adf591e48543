// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IRecordLog} from "../interfaces/IRecordLog.sol";
import {Codes} from "../libraries/Codes.sol";
import {Categories} from "../libraries/Categories.sol";
import {PatientState, PatientStateLib} from "../libraries/PatientState.sol";
import {ScopeKeys} from "../keys/ScopeKeys.sol";

/**
 * @title RecordLog
 * @notice Append-only record pointers with versions and retractions, and event-only read receipts.
 */
abstract contract RecordLog is IRecordLog, ScopeKeys {
    using Categories for uint8;
    using PatientStateLib for PatientState;

    mapping(address patient => mapping(uint256 recordId => Record)) private _records;

    /// @inheritdoc IRecordLog
    function addRecord(address patient, uint8 category, uint32 epoch, bytes32 contentDigest)
        external
        whenNotPaused
        returns (uint256)
    {
        if (contentDigest == bytes32(0)) revert RecordsEmptyDigest();
        if (!category.isValid()) revert ScopeKeysInvalidCategory(category);
        ParticipantSlot memory patientSlot = _participantOf(patient);
        if (!_canAccess(patientSlot, patient, msg.sender, category, true)) {
            revert RecordsWriteDenied(msg.sender, patient, category);
        }
        return _appendRecord(patient, _patientStateOf(patientSlot), category, epoch, contentDigest, 0);
    }

    /// @inheritdoc IRecordLog
    function amendRecord(address patient, uint256 recordId, uint32 epoch, bytes32 contentDigest)
        external
        whenNotPaused
        returns (uint256)
    {
        if (contentDigest == bytes32(0)) revert RecordsEmptyDigest();
        ParticipantSlot memory patientSlot = _participantOf(patient);
        Record storage previous = _requireAuthorWithWriteAccess(patientSlot, patient, recordId);
        _requireCurrent(patient, recordId, previous.status);
        previous.status = RecordStatus.Superseded;
        return _appendRecord(patient, _patientStateOf(patientSlot), previous.category, epoch, contentDigest, recordId);
    }

    /// @inheritdoc IRecordLog
    function retractRecord(address patient, uint256 recordId, uint8 reasonCode) external whenNotPaused {
        if (reasonCode > Codes.RETRACT_REASON_MAX) revert RecordsInvalidReason(reasonCode);
        Record storage target = _requireAuthorWithWriteAccess(_participantOf(patient), patient, recordId);
        RecordStatus status = target.status;
        if (status == RecordStatus.Retracted) return;
        _requireCurrent(patient, recordId, status);
        _retract(patient, recordId, target, reasonCode);
    }

    /// @inheritdoc IRecordLog
    function logAccess(address patient, uint256 recordId, uint8 purposeCode) external whenNotPaused {
        if (purposeCode > Codes.PURPOSE_MAX) revert RecordsInvalidPurpose(purposeCode);
        Record memory target = _records[patient][recordId];
        if (target.status == RecordStatus.None) revert RecordsNotFound(patient, recordId);
        if (!_canAccess(_participantOf(patient), patient, msg.sender, target.category, false)) {
            revert RecordsReadDenied(msg.sender, patient, recordId);
        }
        emit RecordAccessed(patient, recordId, msg.sender, purposeCode);
    }

    /// @inheritdoc IRecordLog
    function record(address patient, uint256 recordId) external view returns (Record memory) {
        return _records[patient][recordId];
    }

    /// @inheritdoc IRecordLog
    function recordCount(address patient) external view returns (uint256) {
        return _patientStateOf(_participantOf(patient)).recordCount();
    }

    /// @dev Writes a new record version authored by the caller under the current `epoch` of
    /// `category` and emits {RecordAdded}.
    function _appendRecord(
        address patient,
        PatientState state,
        uint8 category,
        uint32 epoch,
        bytes32 contentDigest,
        uint256 supersedes
    ) internal returns (uint256 recordId) {
        _requireCurrentEpoch(patient, state, category, epoch);
        recordId = state.recordCount() + 1;
        if (recordId > PatientStateLib.MAX_RECORD_COUNT) revert RecordsCapacityExhausted(patient);
        _setPatientState(patient, state.withRecordCount(recordId));
        _records[patient][recordId] = Record({
            author: msg.sender,
            category: category,
            status: RecordStatus.Active,
            epoch: epoch,
            createdAt: uint40(block.timestamp)
        });
        address facility = _facilityOf(_participantOf(msg.sender), msg.sender);
        emit RecordAdded(patient, recordId, msg.sender, category, epoch, contentDigest, facility, supersedes);
    }

    function _retract(address patient, uint256 recordId, Record storage target, uint8 reasonCode) internal {
        target.status = RecordStatus.Retracted;
        emit RecordRetracted(patient, recordId, msg.sender, reasonCode);
    }

    /// @dev A record may be changed only by its author, and only while the author can still write
    /// its category.
    function _requireAuthorWithWriteAccess(ParticipantSlot memory patientSlot, address patient, uint256 recordId)
        private
        view
        returns (Record storage target)
    {
        target = _records[patient][recordId];
        if (target.status == RecordStatus.None) revert RecordsNotFound(patient, recordId);
        address author = target.author;
        if (author != msg.sender) revert RecordsNotAuthor(msg.sender, author);
        if (!_canAccess(patientSlot, patient, msg.sender, target.category, true)) {
            revert RecordsWriteDenied(msg.sender, patient, target.category);
        }
    }

    /// @dev Only the latest version of a record can be amended or retracted.
    function _requireCurrent(address patient, uint256 recordId, RecordStatus status) private pure {
        if (status != RecordStatus.Active) revert RecordsNotCurrent(patient, recordId, status);
    }
}

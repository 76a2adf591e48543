// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Record log: append-only pointers to encrypted records, and read receipts
 * @notice Storage keeps what later checks need, in one slot per record. Events carry the rest
 * (content digest, provenance, version links) so every record's history can be rebuilt from logs.
 */
interface IRecordLog {
    enum RecordStatus {
        None,
        Active,
        Superseded,
        Retracted
    }

    struct Record {
        address author;
        uint8 category;
        RecordStatus status;
        uint32 epoch;
        uint40 createdAt;
    }

    /**
     * @param contentDigest sha2-256 digest of the IPFS root of the encrypted envelope.
     * @param facility The author's hospital when the record was written (the author itself for a
     * hospital, zero for a patient or an unaffiliated author): provenance.
     * @param supersedes The version this one amends, zero for a new record.
     */
    event RecordAdded(
        address indexed patient,
        uint256 indexed recordId,
        address indexed author,
        uint8 category,
        uint32 epoch,
        bytes32 contentDigest,
        address facility,
        uint256 supersedes
    );
    event RecordRetracted(
        address indexed patient,
        uint256 indexed recordId,
        address indexed retractedBy,
        uint8 reasonCode
    );
    /// @notice A read receipt, emitted by the reader before viewing.
    event RecordAccessed(
        address indexed patient,
        uint256 indexed recordId,
        address indexed reader,
        uint8 purposeCode
    );

    error RecordsEmptyDigest();
    error RecordsWriteDenied(address author, address patient, uint8 category);
    error RecordsReadDenied(address reader, address patient, uint256 recordId);
    error RecordsNotFound(address patient, uint256 recordId);
    error RecordsNotCurrent(address patient, uint256 recordId, RecordStatus status);
    error RecordsNotAuthor(address caller, address author);
    error RecordsInvalidReason(uint8 reasonCode);
    error RecordsInvalidPurpose(uint8 purposeCode);
    error RecordsCapacityExhausted(address patient);

    /// @notice Adds a record under the current `epoch` of `category`, by the patient or a writer.
    function addRecord(address patient, uint8 category, uint32 epoch, bytes32 contentDigest)
        external
        returns (uint256 recordId);

    /// @notice Adds a new version of the current record `recordId`; only its author, while it may
    /// still write the category.
    function amendRecord(address patient, uint256 recordId, uint32 epoch, bytes32 contentDigest)
        external
        returns (uint256 newRecordId);

    /// @notice Marks the current record `recordId` entered in error; same permission as amending.
    /// Retracting a retracted record is a no-op.
    function retractRecord(address patient, uint256 recordId, uint8 reasonCode) external;

    /// @notice Emits a read receipt; the patient or anyone with current read access to the record.
    function logAccess(address patient, uint256 recordId, uint8 purposeCode) external;

    function record(address patient, uint256 recordId) external view returns (Record memory);

    function recordCount(address patient) external view returns (uint256);
}

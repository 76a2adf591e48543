// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

import {IParticipantRegistry} from "../interfaces/IParticipantRegistry.sol";
import {PatientState} from "../libraries/PatientState.sol";

/**
 * @title ParticipantRegistry
 * @notice Kinds, statuses, affiliations and encryption keys of everyone taking part; the admin's
 * emergency stop and the sign-up fee.
 */
abstract contract ParticipantRegistry is IParticipantRegistry, AccessControlDefaultAdminRules, Pausable {
    /**
     * @dev One slot per participant. `data` holds the affiliation of a doctor or lab, and a patient's
     * {PatientState}, so that an access check and the key bookkeeping share one storage read.
     */
    struct ParticipantSlot {
        Kind kind;
        Status status;
        uint40 registeredAt;
        uint200 data;
    }

    // Declared first so that it shares the slot of Pausable's flag: sign-up reads both.
    uint96 private _signUpFee;
    mapping(address account => ParticipantSlot slot) private _participants;
    mapping(address account => bytes32 x25519PublicKey) private _encryptionKeys;
    mapping(address account => bytes32 profileDigest) private _profileDigests;

    /// @inheritdoc IParticipantRegistry
    function registerParticipant(
        address account,
        Kind kind,
        address affiliation,
        bytes32 encryptionKey,
        bytes32 identityCommitment,
        bytes32 profileDigest
    ) external whenNotPaused {
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            ParticipantSlot memory registrar = _participants[msg.sender];
            if (registrar.kind != Kind.Hospital || !_isStaffKind(kind)) {
                revert RegistryUnauthorizedRegistrar(msg.sender, kind);
            }
            if (registrar.status != Status.Active) revert RegistryInactiveParticipant(msg.sender);
            if (affiliation != msg.sender) revert RegistryInvalidAffiliation(kind, affiliation);
        }
        _register(account, kind, affiliation, encryptionKey, identityCommitment, profileDigest);
    }

    /// @inheritdoc IParticipantRegistry
    function signUp(bytes32 encryptionKey, bytes32 identityCommitment) external payable whenNotPaused {
        uint256 fee = _signUpFee;
        if (msg.value != fee) revert RegistryIncorrectFee(fee, msg.value);
        if (encryptionKey == bytes32(0)) revert RegistryZeroEncryptionKey();
        _register(msg.sender, Kind.Patient, address(0), encryptionKey, identityCommitment, bytes32(0));
    }

    /// @inheritdoc IParticipantRegistry
    function setEncryptionKey(bytes32 encryptionKey) external whenNotPaused {
        _requireActive(msg.sender);
        if (encryptionKey == bytes32(0)) revert RegistryZeroEncryptionKey();
        _setEncryptionKey(msg.sender, encryptionKey);
    }

    /// @inheritdoc IParticipantRegistry
    function setProfileDigest(bytes32 profileDigest) external whenNotPaused {
        Kind kind = _requireActive(msg.sender);
        if (!_isProvider(kind)) revert RegistryProfileNotAllowed(kind);
        if (profileDigest == bytes32(0)) revert RegistryMissingProfile(kind);
        _setProfileDigest(msg.sender, profileDigest);
    }

    /// @inheritdoc IParticipantRegistry
    function suspend(address account) external {
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            _requireNotPaused();
            ParticipantSlot memory caller = _participants[msg.sender];
            ParticipantSlot memory target = _participants[account];
            bool ownStaff = caller.kind == Kind.Hospital && _affiliationOf(target) == msg.sender;
            if (!ownStaff) revert RegistryUnauthorizedStatusChange(msg.sender, account);
            if (caller.status != Status.Active) revert RegistryInactiveParticipant(msg.sender);
        }
        if (_participants[account].kind == Kind.None) revert RegistryNotRegistered(account);
        _setStatus(account, Status.Suspended);
    }

    /// @inheritdoc IParticipantRegistry
    function reactivate(address account) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (_participants[account].kind == Kind.None) revert RegistryNotRegistered(account);
        _setStatus(account, Status.Active);
    }

    /// @inheritdoc IParticipantRegistry
    function setSignUpFee(uint256 fee) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (fee > type(uint96).max) revert RegistryFeeTooLarge(fee);
        _setSignUpFee(uint96(fee));
    }

    /// @inheritdoc IParticipantRegistry
    function withdrawFees(address payable treasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury == address(0)) revert RegistryZeroTreasury();
        uint256 amount = address(this).balance;
        if (amount == 0) return;
        emit FeesWithdrawn(treasury, amount);
        Address.sendValue(treasury, amount);
    }

    /// @inheritdoc IParticipantRegistry
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @inheritdoc IParticipantRegistry
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @inheritdoc IParticipantRegistry
    function participant(address account) external view returns (Participant memory) {
        ParticipantSlot memory slot = _participants[account];
        return Participant({
            kind: slot.kind,
            status: slot.status,
            registeredAt: slot.registeredAt,
            affiliation: _affiliationOf(slot),
            encryptionKey: _encryptionKeys[account],
            profileDigest: _profileDigests[account]
        });
    }

    /// @inheritdoc IParticipantRegistry
    function kindOf(address account) external view returns (Kind) {
        return _participants[account].kind;
    }

    /// @inheritdoc IParticipantRegistry
    function isActive(address account) external view returns (bool) {
        return _isActive(_participants[account]);
    }

    /// @inheritdoc IParticipantRegistry
    function signUpFee() external view returns (uint256) {
        return _signUpFee;
    }

    /// @dev Writes a new participant and emits {ParticipantRegistered}; every registration path ends here.
    function _register(
        address account,
        Kind kind,
        address affiliation,
        bytes32 encryptionKey,
        bytes32 identityCommitment,
        bytes32 profileDigest
    ) internal {
        if (account == address(0)) revert RegistryZeroAccount();
        if (kind == Kind.None) revert RegistryInvalidKind(kind);
        if (_participants[account].kind != Kind.None) revert RegistryAlreadyRegistered(account);
        if (account == defaultAdmin()) revert RegistryAdminCannotParticipate(account);
        if (identityCommitment == bytes32(0)) revert RegistryMissingIdentityCommitment();
        _requireValidAffiliation(kind, affiliation);
        if (_isProvider(kind)) {
            if (profileDigest == bytes32(0)) revert RegistryMissingProfile(kind);
            _profileDigests[account] = profileDigest;
        } else if (profileDigest != bytes32(0)) {
            revert RegistryProfileNotAllowed(kind);
        }
        _participants[account] = ParticipantSlot({
            kind: kind,
            status: Status.Active,
            registeredAt: uint40(block.timestamp),
            data: uint200(uint160(affiliation))
        });
        if (encryptionKey != bytes32(0)) _encryptionKeys[account] = encryptionKey;
        emit ParticipantRegistered(
            account,
            kind,
            affiliation,
            msg.sender,
            encryptionKey,
            identityCommitment,
            profileDigest
        );
    }

    /// @dev Returns whether the status changed; an unchanged status emits nothing.
    function _setStatus(address account, Status status) internal returns (bool) {
        ParticipantSlot storage slot = _participants[account];
        if (slot.status == status) return false;
        slot.status = status;
        if (status == Status.Suspended) {
            emit ParticipantSuspended(account, msg.sender);
        } else {
            emit ParticipantReactivated(account, msg.sender);
        }
        return true;
    }

    function _setEncryptionKey(address account, bytes32 encryptionKey) internal returns (bool) {
        if (_encryptionKeys[account] == encryptionKey) return false;
        _encryptionKeys[account] = encryptionKey;
        emit EncryptionKeyChanged(account, encryptionKey);
        return true;
    }

    function _setProfileDigest(address account, bytes32 profileDigest) internal returns (bool) {
        if (_profileDigests[account] == profileDigest) return false;
        _profileDigests[account] = profileDigest;
        emit ProfileChanged(account, profileDigest);
        return true;
    }

    function _setSignUpFee(uint96 fee) internal returns (bool) {
        uint96 previous = _signUpFee;
        if (previous == fee) return false;
        _signUpFee = fee;
        emit SignUpFeeChanged(previous, fee);
        return true;
    }

    /// @dev Stores `patient`'s key and record bookkeeping; the modules that change it emit the events.
    function _setPatientState(address patient, PatientState state) internal {
        _participants[patient].data = PatientState.unwrap(state);
    }

    /// @dev A new admin must not be a participant either: one wallet, one kind.
    function _beginDefaultAdminTransfer(address newAdmin) internal virtual override {
        _requireNotParticipant(newAdmin);
        super._beginDefaultAdminTransfer(newAdmin);
    }

    /// @dev Checked again on acceptance: the pending admin may have registered in the meantime.
    function _acceptDefaultAdminTransfer() internal virtual override {
        (address newAdmin, ) = pendingDefaultAdmin();
        _requireNotParticipant(newAdmin);
        super._acceptDefaultAdminTransfer();
    }

    function _participantOf(address account) internal view returns (ParticipantSlot memory) {
        return _participants[account];
    }

    function _requireActive(address account) internal view returns (Kind kind) {
        ParticipantSlot memory slot = _participants[account];
        if (slot.kind == Kind.None) revert RegistryNotRegistered(account);
        if (slot.status != Status.Active) revert RegistryInactiveParticipant(account);
        return slot.kind;
    }

    function _patientStateOf(ParticipantSlot memory patient) internal pure returns (PatientState) {
        return patient.kind == Kind.Patient ? PatientState.wrap(patient.data) : PatientState.wrap(0);
    }

    /// @dev The hospital of a doctor or lab; zero for every other kind.
    function _affiliationOf(ParticipantSlot memory slot) internal pure returns (address) {
        if (!_isStaffKind(slot.kind)) return address(0);
        return address(uint160(slot.data));
    }

    function _isActive(ParticipantSlot memory slot) internal pure returns (bool) {
        return slot.kind != Kind.None && slot.status == Status.Active;
    }

    function _isProvider(Kind kind) internal pure returns (bool) {
        return kind == Kind.Doctor || kind == Kind.Hospital || kind == Kind.Insurer || kind == Kind.Lab;
    }

    /// @dev Doctors and labs belong to a hospital.
    function _isStaffKind(Kind kind) internal pure returns (bool) {
        return kind == Kind.Doctor || kind == Kind.Lab;
    }

    /// @dev Doctors, hospitals and labs write records; insurers and caregivers only read.
    function _isWriterKind(Kind kind) internal pure returns (bool) {
        return kind == Kind.Doctor || kind == Kind.Hospital || kind == Kind.Lab;
    }

    /// @dev The facility a record by `author` comes from: the hospital itself or the author's hospital.
    function _facilityOf(ParticipantSlot memory author, address authorAddress) internal pure returns (address) {
        if (author.kind == Kind.Hospital) return authorAddress;
        return _affiliationOf(author);
    }

    function _requireValidAffiliation(Kind kind, address affiliation) private view {
        if (affiliation == address(0)) return;
        ParticipantSlot memory hospital = _participants[affiliation];
        bool valid = _isStaffKind(kind) && hospital.kind == Kind.Hospital && _isActive(hospital);
        if (!valid) revert RegistryInvalidAffiliation(kind, affiliation);
    }

    /// @dev One wallet, one kind: the admin is not a participant.
    function _requireNotParticipant(address account) private view {
        if (_participants[account].kind != Kind.None) revert RegistryAdminCannotParticipate(account);
    }
}

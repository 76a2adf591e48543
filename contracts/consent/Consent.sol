// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IConsent} from "../interfaces/IConsent.sol";
import {Categories} from "../libraries/Categories.sol";
import {Codes} from "../libraries/Codes.sol";
import {PatientState, PatientStateLib} from "../libraries/PatientState.sol";
import {ParticipantRegistry} from "../registry/ParticipantRegistry.sol";

/**
 * @title Consent
 * @notice Grants, revocations and access requests, all decided by the patient.
 */
abstract contract Consent is IConsent, ParticipantRegistry {
    using Categories for uint8;
    using PatientStateLib for PatientState;

    mapping(address patient => mapping(address grantee => Grant)) private _grants;
    mapping(address patient => mapping(address requester => uint40)) private _requests;

    /// @inheritdoc IConsent
    function grant(GrantInput[] calldata inputs) external whenNotPaused {
        PatientState initial = _requireCallerIsActivePatient();
        if (inputs.length == 0) revert ConsentNoGrantees();
        PatientState state = initial;
        for (uint256 i = 0; i < inputs.length; ++i) {
            state = _grant(msg.sender, state, inputs[i]);
        }
        if (PatientState.unwrap(state) != PatientState.unwrap(initial)) _setPatientState(msg.sender, state);
    }

    /// @inheritdoc IConsent
    function revoke(address grantee) external whenNotPaused {
        PatientState state = _requireCallerIsActivePatient();
        _revoke(msg.sender, state, grantee);
    }

    /// @inheritdoc IConsent
    function requestAccess(address patient, uint8 readScope, uint8 writeScope, uint8 purposeCode)
        external
        whenNotPaused
    {
        Kind kind = _requireActive(msg.sender);
        if (!_isProvider(kind)) revert ConsentRequesterNotProvider(msg.sender);
        if (_participantOf(patient).kind != Kind.Patient) revert ConsentNotAPatient(patient);
        if ((readScope | writeScope) == 0) revert ConsentEmptyScope();
        if (writeScope != 0 && !_isWriterKind(kind)) revert ConsentWriteNotAllowed(msg.sender);
        if (purposeCode > Codes.PURPOSE_MAX) revert ConsentInvalidPurpose(purposeCode);
        _requests[patient][msg.sender] = uint40(block.timestamp);
        emit AccessRequested(patient, msg.sender, readScope | writeScope, writeScope, purposeCode);
    }

    /// @inheritdoc IConsent
    function denyRequest(address requester, uint8 reasonCode) external whenNotPaused {
        _requireCallerIsActivePatient();
        if (reasonCode > Codes.DENY_REASON_MAX) revert ConsentInvalidReason(reasonCode);
        _denyRequest(msg.sender, requester, reasonCode);
    }

    /// @inheritdoc IConsent
    function hasAccess(address patient, address grantee, uint8 category, bool write) external view returns (bool) {
        return _hasAccess(patient, grantee, category, write);
    }

    /// @inheritdoc IConsent
    function grantOf(address patient, address grantee) external view returns (Grant memory) {
        return _grants[patient][grantee];
    }

    /// @inheritdoc IConsent
    function requestedAt(address patient, address requester) external view returns (uint40) {
        return _requests[patient][requester];
    }

    /// @dev Writes (or overwrites) one grant, emits {AccessGranted} and hands the scope keys to the
    /// grantee. Returns the patient state with dropped categories marked for rotation; the caller
    /// stores it once for all grantees.
    function _grant(address patient, PatientState state, GrantInput calldata input)
        internal
        returns (PatientState)
    {
        address grantee = input.grantee;
        if (grantee == patient) revert ConsentSelfGrant(patient);
        ParticipantSlot memory granteeSlot = _participantOf(grantee);
        Kind kind = granteeSlot.kind;
        if (kind == Kind.None || kind == Kind.Auditor) revert ConsentInvalidGrantee(grantee);
        if (granteeSlot.status != Status.Active) revert RegistryInactiveParticipant(grantee);
        uint8 readScope = input.readScope | input.writeScope;
        if (readScope == 0) revert ConsentEmptyScope();
        uint8 writeScope = input.writeScope;
        if (writeScope != 0 && !_isWriterKind(kind)) revert ConsentWriteNotAllowed(grantee);
        uint40 expiresAt = input.expiresAt;
        if (expiresAt != 0 && expiresAt <= block.timestamp) revert ConsentExpiryInPast(expiresAt, block.timestamp);
        uint256 wrapCount = readScope.count();
        if (input.scopeKeyWraps.length != wrapCount) {
            revert ConsentWrapCountMismatch(grantee, wrapCount, input.scopeKeyWraps.length);
        }

        uint8 dropped = _grants[patient][grantee].readScope & ~readScope;
        if (dropped != 0) state = state.withPending(state.rotationPending() | dropped);
        _grants[patient][grantee] = Grant({
            readScope: readScope,
            writeScope: writeScope,
            expiresAt: expiresAt,
            grantedAt: uint40(block.timestamp)
        });
        emit AccessGranted(patient, grantee, readScope, writeScope, expiresAt);

        return _shareScopeKeys(patient, state, grantee, readScope, expiresAt, input.scopeKeyWraps);
    }

    /// @dev Deletes a grant and marks its categories for rotation; no grant is a no-op.
    function _revoke(address patient, PatientState state, address grantee) internal returns (bool) {
        uint8 readScope = _grants[patient][grantee].readScope;
        if (readScope == 0) return false;
        delete _grants[patient][grantee];
        _setPatientState(patient, state.withPending(state.rotationPending() | readScope));
        emit AccessRevoked(patient, grantee, readScope);
        return true;
    }

    function _denyRequest(address patient, address requester, uint8 reasonCode) internal returns (bool) {
        if (_requests[patient][requester] == 0) return false;
        delete _requests[patient][requester];
        emit AccessRequestDenied(patient, requester, reasonCode);
        return true;
    }

    /**
     * @dev Emits the grantee's scope-key wraps, one per category of `readScope` in ascending order,
     * and returns `state` noting the expiry, so that the keys rotate once the grant runs out.
     */
    function _shareScopeKeys(
        address patient,
        PatientState state,
        address grantee,
        uint8 readScope,
        uint40 expiresAt,
        bytes[] calldata wraps
    ) internal virtual returns (PatientState);

    function _hasAccess(address patient, address grantee, uint8 category, bool write) internal view returns (bool) {
        return !paused() && _canAccess(_participantOf(patient), patient, grantee, category, write);
    }

    /// @dev {hasAccess} for callers already guarded by `whenNotPaused` that hold the patient's slot.
    function _canAccess(
        ParticipantSlot memory patientSlot,
        address patient,
        address grantee,
        uint8 category,
        bool write
    ) internal view returns (bool) {
        if (!category.isValid()) return false;
        if (patientSlot.kind != Kind.Patient || patientSlot.status != Status.Active) return false;
        if (grantee == patient) return true;
        Grant memory stored = _grants[patient][grantee];
        if (!(write ? stored.writeScope : stored.readScope).covers(category)) return false;
        if (stored.expiresAt != 0 && block.timestamp >= stored.expiresAt) return false;
        return _isActive(_participantOf(grantee));
    }

    /// @dev The expiry of `reader`'s grant when it may currently read `category` of `patient`.
    function _readerExpiry(ParticipantSlot memory patientSlot, address patient, address reader, uint8 category)
        internal
        view
        returns (bool canRead, uint40 expiresAt)
    {
        if (!_canAccess(patientSlot, patient, reader, category, false)) return (false, 0);
        return (true, _grants[patient][reader].expiresAt);
    }

    function _requireCallerIsActivePatient() internal view returns (PatientState) {
        ParticipantSlot memory caller = _participantOf(msg.sender);
        if (caller.kind != Kind.Patient) revert ConsentCallerNotPatient(msg.sender);
        if (caller.status != Status.Active) revert RegistryInactiveParticipant(msg.sender);
        return _patientStateOf(caller);
    }
}

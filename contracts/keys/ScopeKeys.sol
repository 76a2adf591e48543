// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IScopeKeys} from "../interfaces/IScopeKeys.sol";
import {Categories} from "../libraries/Categories.sol";
import {PatientState, PatientStateLib} from "../libraries/PatientState.sol";
import {Consent} from "../consent/Consent.sol";

/**
 * @title ScopeKeys
 * @notice Epochs of the per-category scope keys and the events that carry their wraps.
 */
abstract contract ScopeKeys is IScopeKeys, Consent {
    using Categories for uint8;
    using PatientStateLib for PatientState;

    /// @dev Bounds on a key wrap: an 80-byte X25519 sealed box or a 72-byte secret box, with room
    /// for a version byte. The format itself is the client's.
    uint256 private constant _MIN_WRAP_LENGTH = 48;
    uint256 private constant _MAX_WRAP_LENGTH = 160;

    /// @inheritdoc IScopeKeys
    function rotateScopeKey(
        address patient,
        uint8 category,
        uint32 expectedEpoch,
        bytes calldata previousKeyWrap,
        ScopeKeyWrap[] calldata wraps
    ) external whenNotPaused {
        if (!category.isValid()) revert ScopeKeysInvalidCategory(category);
        ParticipantSlot memory patientSlot = _participantOf(patient);
        if (!_canAccess(patientSlot, patient, msg.sender, category, true)) {
            revert ScopeKeysUnauthorizedRotator(msg.sender, patient, category);
        }
        PatientState state = _patientStateOf(patientSlot);
        uint32 current = state.epoch(category);
        if (current != expectedEpoch) revert ScopeKeysEpochMismatch(patient, category, expectedEpoch, current);
        if (current == PatientStateLib.MAX_EPOCH) revert ScopeKeysEpochExhausted(patient, category);
        bool needsChainLink = expectedEpoch != 0;
        if (needsChainLink != (previousKeyWrap.length != 0)) {
            revert ScopeKeysChainLinkMismatch(expectedEpoch, previousKeyWrap.length);
        }
        if (needsChainLink) _requireWrapLength(previousKeyWrap.length);
        if (wraps.length == 0 || wraps[0].recipient != patient) {
            revert ScopeKeysFirstWrapNotPatient(wraps.length == 0 ? address(0) : wraps[0].recipient);
        }
        _requireWrapLength(wraps[0].wrap.length);

        uint40 holdersExpireAt = 0;
        // A writer that rotates knows the new key without a wrap: its own expiry counts too.
        if (msg.sender != patient) (, holdersExpireAt) = _readerExpiry(patientSlot, patient, msg.sender, category);
        for (uint256 i = 1; i < wraps.length; ++i) {
            (bool canRead, uint40 expiresAt) = _readerExpiry(patientSlot, patient, wraps[i].recipient, category);
            if (!canRead) revert ScopeKeysRecipientLacksAccess(wraps[i].recipient);
            _requireWrapLength(wraps[i].wrap.length);
            if (expiresAt != 0 && (holdersExpireAt == 0 || expiresAt < holdersExpireAt)) holdersExpireAt = expiresAt;
        }
        PatientState rotated = state.withRotation(category, current + 1, holdersExpireAt);
        _startEpoch(patient, rotated, category, previousKeyWrap, wraps);
    }

    /// @inheritdoc IScopeKeys
    function scopeKeyState(address patient, uint8 category) external view returns (ScopeKeyState memory) {
        PatientState state = _patientStateOf(_participantOf(patient));
        return ScopeKeyState({
            epoch: state.epoch(category),
            rotationPending: state.rotationPending().covers(category),
            rotationDueAt: state.expiringScope().covers(category) ? state.rotationDueAt() : 0
        });
    }

    /// @inheritdoc IScopeKeys
    function rotationRequired(address patient, uint8 category) external view returns (bool) {
        return _patientStateOf(_participantOf(patient)).rotationRequired(category);
    }

    /// @dev Stores the new epoch and emits the rotation with every wrap.
    function _startEpoch(
        address patient,
        PatientState state,
        uint8 category,
        bytes calldata previousKeyWrap,
        ScopeKeyWrap[] calldata wraps
    ) internal {
        _setPatientState(patient, state);
        uint32 epoch = state.epoch(category);
        emit ScopeKeyRotated(patient, category, msg.sender, epoch, previousKeyWrap);
        for (uint256 i = 0; i < wraps.length; ++i) {
            emit ScopeKeyWrapped(patient, wraps[i].recipient, category, epoch, wraps[i].wrap);
        }
    }

    /// @inheritdoc Consent
    function _shareScopeKeys(
        address patient,
        PatientState state,
        address grantee,
        uint8 readScope,
        uint40 expiresAt,
        bytes[] calldata wraps
    ) internal override returns (PatientState) {
        uint256 next = 0;
        uint8 category = 0;
        // Walks up to the highest granted category only; every grant holds at least one.
        for (uint256 remaining = readScope; remaining != 0; remaining >>= 1) {
            if (remaining & 1 == 1) {
                uint32 epoch = state.epoch(category);
                if (epoch == 0) revert ScopeKeysUninitialized(patient, category);
                bytes calldata wrap = wraps[next];
                _requireWrapLength(wrap.length);
                emit ScopeKeyWrapped(patient, grantee, category, epoch, wrap);
                ++next;
            }
            unchecked {
                // At most 8 iterations: `remaining` has 8 bits.
                ++category;
            }
        }
        return expiresAt == 0 ? state : state.withExpiringHolders(readScope, expiresAt);
    }

    /// @dev Reverts unless `epoch` is the current, usable epoch of `patient`'s `category`.
    function _requireCurrentEpoch(address patient, PatientState state, uint8 category, uint32 epoch) internal view {
        uint32 current = state.epoch(category);
        if (current == 0) revert ScopeKeysUninitialized(patient, category);
        if (epoch != current) revert ScopeKeysEpochMismatch(patient, category, epoch, current);
        if (state.rotationRequired(category)) revert ScopeKeysRotationRequired(patient, category);
    }

    function _requireWrapLength(uint256 length) private pure {
        if (length < _MIN_WRAP_LENGTH || length > _MAX_WRAP_LENGTH) revert ScopeKeysInvalidWrapLength(length);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IScopeKeys} from "../interfaces/IScopeKeys.sol";
import {Categories} from "../libraries/Categories.sol";
import {Consent} from "../consent/Consent.sol";

/**
 * @title ScopeKeys
 * @notice Epochs of the per-category scope keys and the events that carry their wraps.
 */
abstract contract ScopeKeys is IScopeKeys, Consent {
    using Categories for uint8;

    struct KeyEpoch {
        uint32 epoch;
        uint40 earliestReaderExpiry;
    }

    /// @dev Bounds on a sealed or secret-box key wrap: an 80-byte X25519 sealed box or a 72-byte
    /// secret box, with room for a version byte. The format itself is the client's.
    uint256 private constant _MIN_WRAP_LENGTH = 48;
    uint256 private constant _MAX_WRAP_LENGTH = 160;

    mapping(address patient => mapping(uint8 category => KeyEpoch)) private _keyEpochs;

    /// @inheritdoc IScopeKeys
    function rotateScopeKey(
        address patient,
        uint8 category,
        uint32 expectedEpoch,
        bytes calldata previousKeyWrap,
        ScopeKeyWrap[] calldata wraps
    ) external whenNotPaused {
        if (!category.isValid()) revert ScopeKeysInvalidCategory(category);
        if (!_hasAccess(patient, msg.sender, category, true)) {
            revert ScopeKeysUnauthorizedRotator(msg.sender, patient, category);
        }
        uint32 current = _keyEpochs[patient][category].epoch;
        if (current != expectedEpoch) revert ScopeKeysEpochMismatch(patient, category, expectedEpoch, current);
        bool needsChainLink = expectedEpoch != 0;
        if (needsChainLink != (previousKeyWrap.length != 0)) {
            revert ScopeKeysChainLinkMismatch(expectedEpoch, previousKeyWrap.length);
        }
        if (needsChainLink) _requireWrapLength(previousKeyWrap.length);
        if (wraps.length == 0 || wraps[0].recipient != patient) {
            revert ScopeKeysFirstWrapNotPatient(wraps.length == 0 ? address(0) : wraps[0].recipient);
        }
        _requireWrapLength(wraps[0].wrap.length);

        uint40 earliestExpiry = 0;
        for (uint256 i = 1; i < wraps.length; ++i) {
            (bool canRead, uint40 expiresAt) = _readerExpiry(patient, wraps[i].recipient, category);
            if (!canRead) revert ScopeKeysRecipientLacksAccess(wraps[i].recipient);
            _requireWrapLength(wraps[i].wrap.length);
            if (expiresAt != 0 && (earliestExpiry == 0 || expiresAt < earliestExpiry)) earliestExpiry = expiresAt;
        }
        _startEpoch(patient, category, expectedEpoch + 1, earliestExpiry, previousKeyWrap, wraps);
    }

    /// @inheritdoc IScopeKeys
    function scopeKeyState(address patient, uint8 category) external view returns (ScopeKeyState memory) {
        KeyEpoch memory keyEpoch = _keyEpochs[patient][category];
        return ScopeKeyState({
            epoch: keyEpoch.epoch,
            earliestReaderExpiry: keyEpoch.earliestReaderExpiry,
            rotationPending: _participantOf(patient).rotationPendingScope.covers(category)
        });
    }

    /// @inheritdoc IScopeKeys
    function rotationRequired(address patient, uint8 category) external view returns (bool) {
        return _rotationRequired(patient, category, _keyEpochs[patient][category]);
    }

    /// @dev Writes the new epoch, clears the pending mark and emits the rotation with every wrap.
    function _startEpoch(
        address patient,
        uint8 category,
        uint32 epoch,
        uint40 earliestReaderExpiry,
        bytes calldata previousKeyWrap,
        ScopeKeyWrap[] calldata wraps
    ) internal {
        _keyEpochs[patient][category] = KeyEpoch({epoch: epoch, earliestReaderExpiry: earliestReaderExpiry});
        _clearRotationPending(patient, category);
        emit ScopeKeyRotated(patient, category, msg.sender, epoch, previousKeyWrap);
        for (uint256 i = 0; i < wraps.length; ++i) {
            emit ScopeKeyWrapped(patient, category, wraps[i].recipient, epoch, wraps[i].wrap);
        }
    }

    /// @inheritdoc Consent
    function _shareScopeKeys(
        address patient,
        address grantee,
        uint8 readScope,
        uint40 expiresAt,
        bytes[] calldata wraps
    ) internal override {
        uint256 next = 0;
        for (uint8 category = 0; category < Categories.COUNT; ++category) {
            if (!readScope.covers(category)) continue;
            KeyEpoch storage keyEpoch = _keyEpochs[patient][category];
            uint32 epoch = keyEpoch.epoch;
            if (epoch == 0) revert ScopeKeysUninitialized(patient, category);
            if (expiresAt != 0) {
                uint40 earliest = keyEpoch.earliestReaderExpiry;
                if (earliest == 0 || expiresAt < earliest) keyEpoch.earliestReaderExpiry = expiresAt;
            }
            bytes calldata wrap = wraps[next];
            _requireWrapLength(wrap.length);
            emit ScopeKeyWrapped(patient, category, grantee, epoch, wrap);
            unchecked {
                // Bounded by the 8 categories.
                ++next;
            }
        }
    }

    /// @dev Reverts unless `epoch` is the current, usable epoch of `patient`'s `category`.
    function _requireCurrentEpoch(address patient, uint8 category, uint32 epoch) internal view {
        KeyEpoch memory keyEpoch = _keyEpochs[patient][category];
        if (keyEpoch.epoch == 0) revert ScopeKeysUninitialized(patient, category);
        if (epoch != keyEpoch.epoch) revert ScopeKeysEpochMismatch(patient, category, epoch, keyEpoch.epoch);
        if (_rotationRequired(patient, category, keyEpoch)) revert ScopeKeysRotationRequired(patient, category);
    }

    function _rotationRequired(address patient, uint8 category, KeyEpoch memory keyEpoch)
        private
        view
        returns (bool)
    {
        if (_participantOf(patient).rotationPendingScope.covers(category)) return true;
        uint40 expiry = keyEpoch.earliestReaderExpiry;
        return expiry != 0 && block.timestamp >= expiry;
    }

    function _requireWrapLength(uint256 length) private pure {
        if (length < _MIN_WRAP_LENGTH || length > _MAX_WRAP_LENGTH) revert ScopeKeysInvalidWrapLength(length);
    }
}

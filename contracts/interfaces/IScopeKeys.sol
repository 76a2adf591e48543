// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Scope keys: the on-chain half of key distribution
 * @notice Per patient and category there is an epoch and a scope key (32 random bytes made in a
 * browser, never on chain in clear). A record's data key is encrypted under the scope key of its
 * category's current epoch. Readers receive the scope key sealed to their X25519 key, bound to
 * (patient, category, epoch, recipient). Each epoch's key carries the previous one encrypted under
 * it, so the latest key opens every earlier epoch and none later. After a revoke, or once a reader's
 * grant has expired, no record can be added to the category until the key is rotated to the
 * remaining readers, so a removed reader never learns a key that protects new records.
 */
interface IScopeKeys {
    struct ScopeKeyWrap {
        address recipient;
        bytes wrap;
    }

    struct ScopeKeyState {
        /// @dev Zero until the first key is created.
        uint32 epoch;
        /// @dev A reader was removed (or an expiry noticed) since this epoch began.
        bool rotationPending;
        /// @dev When an expiring grant may stop holding this key rightfully; zero when none expires.
        /// From then on the category must rotate before new records are added.
        uint40 rotationDueAt;
    }

    /// @param previousKeyWrap The previous epoch's key encrypted under the new one (empty for epoch 1).
    event ScopeKeyRotated(
        address indexed patient,
        uint8 indexed category,
        address indexed rotatedBy,
        uint32 epoch,
        bytes previousKeyWrap
    );
    /// @notice `recipient` can open `wrap` with its encryption key to learn the scope key of `epoch`.
    event ScopeKeyWrapped(
        address indexed patient,
        address indexed recipient,
        uint8 category,
        uint32 epoch,
        bytes wrap
    );

    error ScopeKeysInvalidCategory(uint8 category);
    error ScopeKeysUninitialized(address patient, uint8 category);
    error ScopeKeysEpochMismatch(address patient, uint8 category, uint32 expected, uint32 current);
    error ScopeKeysRotationRequired(address patient, uint8 category);
    error ScopeKeysUnauthorizedRotator(address caller, address patient, uint8 category);
    error ScopeKeysFirstWrapNotPatient(address recipient);
    error ScopeKeysRecipientLacksAccess(address recipient);
    error ScopeKeysInvalidWrapLength(uint256 length);
    error ScopeKeysChainLinkMismatch(uint32 epoch, uint256 length);
    error ScopeKeysEpochExhausted(address patient, uint8 category);

    /**
     * @notice Starts epoch `expectedEpoch + 1` of `patient`'s `category` key: compare-and-swap on the
     * epoch, so two clients can never fork a key. Sent by the patient or by a writer of the category.
     * @param previousKeyWrap The current key encrypted under the new one; empty when creating epoch 1.
     * @param wraps The new key sealed to the patient first, then to every remaining reader.
     */
    function rotateScopeKey(
        address patient,
        uint8 category,
        uint32 expectedEpoch,
        bytes calldata previousKeyWrap,
        ScopeKeyWrap[] calldata wraps
    ) external;

    function scopeKeyState(address patient, uint8 category) external view returns (ScopeKeyState memory);

    /// @notice True when the next record of `category` needs a new epoch first.
    function rotationRequired(address patient, uint8 category) external view returns (bool);
}

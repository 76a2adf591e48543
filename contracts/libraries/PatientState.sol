// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Categories} from "./Categories.sol";

/**
 * @dev A patient's key and record bookkeeping, packed into the 200 bits of the patient's registry
 * slot that providers use for their affiliation. Keeping it there lets a grant or a new record check
 * the patient's status, the key epoch and the pending rotations with a single storage read.
 *
 * | bits    | field           | meaning                                                        |
 * |---------|-----------------|----------------------------------------------------------------|
 * | 0-23    | recordCount     | records ever added (ids are 1..recordCount)                    |
 * | 24-31   | rotationPending | categories whose key a removed reader still knows              |
 * | 32-39   | expiringScope   | categories whose current key an expiring grant holds           |
 * | 40-79   | rotationDueAt   | earliest expiry among those grants; from then on they rotate   |
 * | 80-199  | epochs          | 8 × 15-bit current key epoch per category (0 = no key yet)     |
 */
type PatientState is uint200;

library PatientStateLib {
    using Categories for uint8;

    uint256 internal constant MAX_RECORD_COUNT = (1 << 24) - 1;
    uint256 internal constant MAX_EPOCH = (1 << 15) - 1;

    uint256 private constant _PENDING_SHIFT = 24;
    uint256 private constant _EXPIRING_SHIFT = 32;
    uint256 private constant _DUE_SHIFT = 40;
    uint256 private constant _EPOCHS_SHIFT = 80;
    uint256 private constant _EPOCH_BITS = 15;

    /// @dev True when a record of `category` must wait for a new epoch: a reader was removed, or an
    /// expiring grant holding the current key may have run out.
    function rotationRequired(PatientState state, uint8 category) internal view returns (bool) {
        if (rotationPending(state).covers(category)) return true;
        return expiringScope(state).covers(category) && block.timestamp >= rotationDueAt(state);
    }

    /**
     * @dev Notes that every category of `scope` is now held by a grant expiring at `expiresAt`. A due
     * time already passed is settled first (see {withLapsedExpiriesPending}), so that a new grant's
     * categories are not held back by an expiry that has nothing to do with them.
     */
    function withExpiringHolders(PatientState state, uint8 scope, uint40 expiresAt)
        internal
        view
        returns (PatientState)
    {
        return _withHolders(withLapsedExpiriesPending(state), scope, expiresAt);
    }

    /**
     * @dev The state after `category` moves to `newEpoch`, shared with holders whose earliest
     * expiry is `holdersExpireAt` (zero when none expires). A due time already passed is settled
     * first, so the due time can move on without forgetting any category.
     */
    function withRotation(PatientState state, uint8 category, uint32 newEpoch, uint40 holdersExpireAt)
        internal
        view
        returns (PatientState)
    {
        state = withLapsedExpiriesPending(state);
        uint8 categoryBit = category.bit();
        uint8 expiring = expiringScope(state) & ~categoryBit;
        state = withPending(withEpoch(state, category, newEpoch), rotationPending(state) & ~categoryBit);
        state = _withExpiry(state, expiring, expiring == 0 ? 0 : rotationDueAt(state));
        return holdersExpireAt == 0 ? state : _withHolders(state, categoryBit, holdersExpireAt);
    }

    /**
     * @dev Once the due time has passed, every category an expiring grant held turns into a pending
     * rotation and the expiry tracking starts over. One due time serves all categories; this is what
     * lets it move forward without per-category storage.
     */
    function withLapsedExpiriesPending(PatientState state) internal view returns (PatientState) {
        uint8 expiring = expiringScope(state);
        if (expiring == 0 || block.timestamp < rotationDueAt(state)) return state;
        return _withExpiry(withPending(state, rotationPending(state) | expiring), 0, 0);
    }

    function recordCount(PatientState state) internal pure returns (uint256) {
        return PatientState.unwrap(state) & MAX_RECORD_COUNT;
    }

    function rotationPending(PatientState state) internal pure returns (uint8) {
        return uint8(PatientState.unwrap(state) >> _PENDING_SHIFT);
    }

    function expiringScope(PatientState state) internal pure returns (uint8) {
        return uint8(PatientState.unwrap(state) >> _EXPIRING_SHIFT);
    }

    function rotationDueAt(PatientState state) internal pure returns (uint40) {
        return uint40(PatientState.unwrap(state) >> _DUE_SHIFT);
    }

    function epoch(PatientState state, uint8 category) internal pure returns (uint32) {
        return uint32((PatientState.unwrap(state) >> (_EPOCHS_SHIFT + _EPOCH_BITS * category)) & MAX_EPOCH);
    }

    function withRecordCount(PatientState state, uint256 count) internal pure returns (PatientState) {
        uint256 raw = PatientState.unwrap(state);
        return PatientState.wrap(uint200((raw & ~MAX_RECORD_COUNT) | count));
    }

    function withPending(PatientState state, uint8 scope) internal pure returns (PatientState) {
        uint256 raw = PatientState.unwrap(state);
        raw = (raw & ~(uint256(0xff) << _PENDING_SHIFT)) | (uint256(scope) << _PENDING_SHIFT);
        return PatientState.wrap(uint200(raw));
    }

    function withEpoch(PatientState state, uint8 category, uint32 newEpoch) internal pure returns (PatientState) {
        uint256 shift = _EPOCHS_SHIFT + _EPOCH_BITS * category;
        uint256 raw = PatientState.unwrap(state);
        raw = (raw & ~(MAX_EPOCH << shift)) | (uint256(newEpoch) << shift);
        return PatientState.wrap(uint200(raw));
    }

    /// @dev Adds `scope` to the expiring categories and keeps the earliest due time.
    function _withHolders(PatientState state, uint8 scope, uint40 expiresAt) private pure returns (PatientState) {
        uint40 due = rotationDueAt(state);
        uint8 expiring = expiringScope(state);
        if (expiring == 0 || expiresAt < due) due = expiresAt;
        return _withExpiry(state, expiring | scope, due);
    }

    function _withExpiry(PatientState state, uint8 expiring, uint40 due) private pure returns (PatientState) {
        uint256 raw = PatientState.unwrap(state);
        raw &= ~((uint256(0xff) << _EXPIRING_SHIFT) | (uint256(type(uint40).max) << _DUE_SHIFT));
        raw |= (uint256(expiring) << _EXPIRING_SHIFT) | (uint256(due) << _DUE_SHIFT);
        return PatientState.wrap(uint200(raw));
    }
}

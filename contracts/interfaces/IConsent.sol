// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Patient consent: grants, revocations and access requests
 * @notice The patient alone decides who may read or write which record categories. A grant's
 * on-chain cost depends on the number of categories it covers, never on the number of records.
 */
interface IConsent {
    /// @notice A grant as stored. `readScope` always includes `writeScope` (write implies read).
    struct Grant {
        uint8 readScope;
        uint8 writeScope;
        /// @dev Zero means no expiry.
        uint40 expiresAt;
        uint40 grantedAt;
    }

    /**
     * @notice One grantee of a {grant} call.
     * @param scopeKeyWraps The current scope key of every category in `readScope | writeScope`,
     * sealed to the grantee's encryption key, in ascending category order.
     */
    struct GrantInput {
        address grantee;
        uint8 readScope;
        uint8 writeScope;
        uint40 expiresAt;
        bytes[] scopeKeyWraps;
    }

    event AccessGranted(
        address indexed patient,
        address indexed grantee,
        uint8 readScope,
        uint8 writeScope,
        uint40 expiresAt
    );
    /// @param readScope The categories the grantee could read; each now awaits a key rotation.
    event AccessRevoked(address indexed patient, address indexed grantee, uint8 readScope);
    event AccessRequested(
        address indexed patient,
        address indexed requester,
        uint8 readScope,
        uint8 writeScope,
        uint8 purposeCode
    );
    event AccessRequestDenied(address indexed patient, address indexed requester, uint8 reasonCode);

    error ConsentCallerNotPatient(address caller);
    error ConsentNotAPatient(address account);
    error ConsentSelfGrant(address patient);
    error ConsentInvalidGrantee(address grantee);
    error ConsentWriteNotAllowed(address grantee);
    error ConsentEmptyScope();
    error ConsentExpiryInPast(uint40 expiresAt, uint256 timestamp);
    error ConsentWrapCountMismatch(address grantee, uint256 expected, uint256 actual);
    error ConsentNoGrantees();
    error ConsentRequesterNotProvider(address requester);
    error ConsentInvalidPurpose(uint8 purposeCode);
    error ConsentInvalidReason(uint8 reasonCode);

    /**
     * @notice The calling patient grants (or updates in place) access for each input.
     * Categories dropped from an existing grant await a key rotation, exactly as on {revoke}.
     */
    function grant(GrantInput[] calldata inputs) external;

    /// @notice Ends `grantee`'s access at once and marks its categories for key rotation. O(1) in the
    /// number of grants and records. Revoking a grantee without a grant is a no-op.
    function revoke(address grantee) external;

    /// @notice A provider asks `patient` for access; a new request replaces the old. A later grant to
    /// the requester answers it; {requestedAt} keeps the time of the last request not denied.
    function requestAccess(address patient, uint8 readScope, uint8 writeScope, uint8 purposeCode) external;

    /// @notice The calling patient declines `requester`'s open request. No open request is a no-op.
    function denyRequest(address requester, uint8 reasonCode) external;

    /// @notice True while a grant covers `category` (for writing when `write`), is unexpired, both
    /// parties are active and the system is not paused. A patient always has access to their own.
    function hasAccess(address patient, address grantee, uint8 category, bool write) external view returns (bool);

    function grantOf(address patient, address grantee) external view returns (Grant memory);

    /// @notice Time of `requester`'s open request to `patient`, zero when none is open.
    function requestedAt(address patient, address requester) external view returns (uint40);
}

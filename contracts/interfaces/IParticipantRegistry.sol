// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Participant registry
 * @notice Who takes part, in which role, with which encryption key. Nothing here is PHI: a person is
 * an address, a salted identity commitment (hash of salt ‖ national ID computed in the browser) and,
 * for providers only, the IPFS digest of a public professional profile.
 */
interface IParticipantRegistry {
    /// @dev `None` marks an unregistered address. A wallet has exactly one kind, for life.
    enum Kind {
        None,
        Patient,
        Doctor,
        Hospital,
        Insurer,
        Lab,
        Auditor
    }

    enum Status {
        Active,
        Suspended
    }

    /// @notice A participant as read by clients.
    struct Participant {
        Kind kind;
        Status status;
        uint40 registeredAt;
        /// @dev The hospital of a doctor or lab; zero otherwise (and for independent practitioners).
        address affiliation;
        /// @dev X25519 public key; zero until the participant sets it up.
        bytes32 encryptionKey;
        /// @dev sha2-256 digest of the IPFS root of the public profile; providers only.
        bytes32 profileDigest;
    }

    /// @notice `account` joined as `kind`. The identity commitment lives only in this event: it is
    /// checked off chain, when the participant reveals salt and ID to someone they choose.
    event ParticipantRegistered(
        address indexed account,
        Kind indexed kind,
        address indexed affiliation,
        address registeredBy,
        bytes32 encryptionKey,
        bytes32 identityCommitment,
        bytes32 profileDigest
    );
    event ParticipantSuspended(address indexed account, address indexed suspendedBy);
    event ParticipantReactivated(address indexed account, address indexed reactivatedBy);
    event EncryptionKeyChanged(address indexed account, bytes32 encryptionKey);
    event ProfileChanged(address indexed account, bytes32 profileDigest);
    event SignUpFeeChanged(uint256 previousFee, uint256 newFee);
    event FeesWithdrawn(address indexed treasury, uint256 amount);

    error RegistryAlreadyRegistered(address account);
    error RegistryNotRegistered(address account);
    error RegistryZeroAccount();
    error RegistryInvalidKind(Kind kind);
    error RegistryAdminCannotParticipate(address account);
    /// @dev `registrar` may not register a participant of `kind` (only the admin, or an active
    /// hospital for its own doctors and labs).
    error RegistryUnauthorizedRegistrar(address registrar, Kind kind);
    error RegistryInvalidAffiliation(Kind kind, address affiliation);
    error RegistryMissingIdentityCommitment();
    error RegistryMissingProfile(Kind kind);
    error RegistryProfileNotAllowed(Kind kind);
    error RegistryZeroEncryptionKey();
    error RegistryInactiveParticipant(address account);
    error RegistryUnauthorizedStatusChange(address caller, address account);
    error RegistryIncorrectFee(uint256 required, uint256 paid);
    error RegistryFeeTooLarge(uint256 fee);
    error RegistryZeroTreasury();

    /**
     * @notice Registers `account` as `kind`. The admin registers any kind; an active hospital
     * registers doctors and labs with `affiliation` equal to itself.
     * @param affiliation Hospital of a doctor or lab (an active hospital, or zero for the admin's
     * independent practitioners); zero for every other kind.
     * @param encryptionKey X25519 public key, or zero when the participant will set it up later.
     * @param identityCommitment Hash of salt ‖ national ID, computed in the browser; never zero.
     * @param profileDigest Public profile digest; required for providers, zero for others.
     */
    function registerParticipant(
        address account,
        Kind kind,
        address affiliation,
        bytes32 encryptionKey,
        bytes32 identityCommitment,
        bytes32 profileDigest
    ) external;

    /// @notice A patient registers themselves, paying exactly {signUpFee}.
    function signUp(bytes32 encryptionKey, bytes32 identityCommitment) external payable;

    /// @notice Sets or rotates the caller's X25519 public key. Setting the current key is a no-op.
    function setEncryptionKey(bytes32 encryptionKey) external;

    /// @notice A provider points to a new public profile document. Setting the current one is a no-op.
    function setProfileDigest(bytes32 profileDigest) external;

    /// @notice The admin suspends anyone; an active hospital suspends its own doctors and labs.
    function suspend(address account) external;

    /// @notice The admin lifts a suspension.
    function reactivate(address account) external;

    function setSignUpFee(uint256 fee) external;

    /// @notice Sends every collected fee to `treasury`. Nothing collected is a no-op.
    function withdrawFees(address payable treasury) external;

    /// @notice Emergency stop: every participant action reverts until {unpause}.
    function pause() external;

    function unpause() external;

    function participant(address account) external view returns (Participant memory);

    function kindOf(address account) external view returns (Kind);

    function isActive(address account) external view returns (bool);

    function signUpFee() external view returns (uint256);
}

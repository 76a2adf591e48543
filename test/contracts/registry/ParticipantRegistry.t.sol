// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {IParticipantRegistry} from "../../../contracts/interfaces/IParticipantRegistry.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

contract ParticipantRegistryTest is LedgerFixture {
    address internal newcomer = makeAddr("newcomer");

    function setUp() public {
        _deployWorld();
    }

    function _registerAs(address registrar, address account, IParticipantRegistry.Kind kind, address affiliation)
        internal
    {
        vm.prank(registrar);
        ledger.registerParticipant(account, kind, affiliation, _keyOf(account), _commitmentOf(account), PROFILE);
    }

    // ---- registerParticipant ---------------------------------------------------------------------

    function test_registerParticipant_byAdmin_storesParticipantAndEmits() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantRegistered(newcomer, IParticipantRegistry.Kind.Insurer, address(0), admin,
            _keyOf(newcomer), _commitmentOf(newcomer), PROFILE);
        _registerAs(admin, newcomer, IParticipantRegistry.Kind.Insurer, address(0));

        IParticipantRegistry.Participant memory stored = ledger.participant(newcomer);
        assertTrue(stored.kind == IParticipantRegistry.Kind.Insurer, "kind");
        assertTrue(stored.status == IParticipantRegistry.Status.Active, "status");
        assertEq(stored.registeredAt, _now(), "registeredAt");
        assertEq(stored.affiliation, address(0), "affiliation");
        assertEq(stored.encryptionKey, _keyOf(newcomer), "encryptionKey");
        assertEq(stored.profileDigest, PROFILE, "profileDigest");
    }

    function test_registerParticipant_byHospitalForItsOwnDoctor_recordsAffiliationAndRegistrar() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantRegistered(newcomer, IParticipantRegistry.Kind.Doctor, hospital, hospital,
            _keyOf(newcomer), _commitmentOf(newcomer), PROFILE);
        _registerAs(hospital, newcomer, IParticipantRegistry.Kind.Doctor, hospital);
        assertEq(ledger.participant(newcomer).affiliation, hospital, "affiliation");
    }

    function test_registerParticipant_byHospitalForAnotherAffiliation_reverts() public {
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInvalidAffiliation.selector,
            IParticipantRegistry.Kind.Lab, address(0)));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Lab, address(0), bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_byHospitalForAnInsurer_reverts() public {
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryUnauthorizedRegistrar.selector, hospital,
            IParticipantRegistry.Kind.Insurer));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Insurer, hospital, bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_bySuspendedHospital_reverts() public {
        _suspend(hospital);
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInactiveParticipant.selector, hospital));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Doctor, hospital, bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_byDoctor_reverts() public {
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryUnauthorizedRegistrar.selector, doctor,
            IParticipantRegistry.Kind.Doctor));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Doctor, doctor, bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_alreadyRegisteredEvenWhileSuspended_reverts() public {
        _suspend(doctor2);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryAlreadyRegistered.selector, doctor2));
        ledger.registerParticipant(doctor2, IParticipantRegistry.Kind.Insurer, address(0), bytes32(0), _commitmentOf(doctor2), PROFILE);
    }

    function test_registerParticipant_theAdmin_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryAdminCannotParticipate.selector, admin));
        ledger.registerParticipant(admin, IParticipantRegistry.Kind.Auditor, address(0), bytes32(0), _commitmentOf(admin), bytes32(0));
    }

    function test_registerParticipant_zeroAccountOrNoneKind_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryZeroAccount.selector));
        ledger.registerParticipant(address(0), IParticipantRegistry.Kind.Auditor, address(0), bytes32(0), _commitmentOf(newcomer), bytes32(0));
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInvalidKind.selector, IParticipantRegistry.Kind.None));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.None, address(0), bytes32(0), _commitmentOf(newcomer), bytes32(0));
    }

    function test_registerParticipant_withoutIdentityCommitment_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryMissingIdentityCommitment.selector));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Auditor, address(0), bytes32(0), bytes32(0), bytes32(0));
    }

    function test_registerParticipant_providerWithoutProfile_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryMissingProfile.selector, IParticipantRegistry.Kind.Lab));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Lab, address(0), bytes32(0), _commitmentOf(newcomer), bytes32(0));
    }

    function test_registerParticipant_patientWithProfile_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryProfileNotAllowed.selector, IParticipantRegistry.Kind.Patient));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Patient, address(0), bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_affiliationOfAnInsurerOrToANonHospital_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInvalidAffiliation.selector,
            IParticipantRegistry.Kind.Insurer, hospital));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Insurer, hospital, bytes32(0), _commitmentOf(newcomer), PROFILE);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInvalidAffiliation.selector,
            IParticipantRegistry.Kind.Doctor, insurer));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Doctor, insurer, bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_affiliationToSuspendedHospital_reverts() public {
        _suspend(hospital);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInvalidAffiliation.selector,
            IParticipantRegistry.Kind.Doctor, hospital));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Doctor, hospital, bytes32(0), _commitmentOf(newcomer), PROFILE);
    }

    function test_registerParticipant_whilePaused_reverts() public {
        _pause();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        ledger.registerParticipant(newcomer, IParticipantRegistry.Kind.Auditor, address(0), bytes32(0), _commitmentOf(newcomer), bytes32(0));
    }

    // ---- signUp and fees -------------------------------------------------------------------------

    function test_signUp_withExactFee_registersPatientAndKeepsTheFee() public {
        vm.prank(admin);
        ledger.setSignUpFee(1 ether);
        vm.deal(newcomer, 1 ether);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantRegistered(newcomer, IParticipantRegistry.Kind.Patient, address(0), newcomer,
            _keyOf(newcomer), _commitmentOf(newcomer), bytes32(0));
        vm.prank(newcomer);
        ledger.signUp{value: 1 ether}(_keyOf(newcomer), _commitmentOf(newcomer));
        assertTrue(ledger.kindOf(newcomer) == IParticipantRegistry.Kind.Patient, "kind");
        assertEq(address(ledger).balance, 1 ether, "fee collected");
    }

    function test_signUp_withWrongFee_reverts() public {
        vm.prank(admin);
        ledger.setSignUpFee(1 ether);
        vm.deal(newcomer, 2 ether);
        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryIncorrectFee.selector, 1 ether, 1 ether + 1));
        ledger.signUp{value: 1 ether + 1}(_keyOf(newcomer), _commitmentOf(newcomer));
    }

    function test_signUp_withZeroEncryptionKey_reverts() public {
        vm.prank(newcomer);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryZeroEncryptionKey.selector));
        ledger.signUp(bytes32(0), _commitmentOf(newcomer));
    }

    function test_signUp_byTheAdmin_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryAdminCannotParticipate.selector, admin));
        ledger.signUp(_keyOf(admin), _commitmentOf(admin));
    }

    function test_setSignUpFee_newFee_emitsPreviousAndNew() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.SignUpFeeChanged(0, 5);
        vm.prank(admin);
        ledger.setSignUpFee(5);
        assertEq(ledger.signUpFee(), 5, "fee");
    }

    function test_setSignUpFee_sameFee_emitsNothing() public {
        vm.recordLogs();
        vm.prank(admin);
        ledger.setSignUpFee(0);
        assertNoLogs("setting the current fee is a no-op");
    }

    function test_setSignUpFee_aboveUint96_reverts() public {
        uint256 fee = uint256(type(uint96).max) + 1;
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryFeeTooLarge.selector, fee));
        ledger.setSignUpFee(fee);
    }

    /// @dev The fee shares a storage slot with the pause flag; neither may disturb the other.
    function test_setSignUpFee_maxFee_leavesThePauseFlagIntact() public {
        vm.startPrank(admin);
        ledger.setSignUpFee(type(uint96).max);
        assertFalse(ledger.paused(), "a maximal fee must not pause");
        ledger.pause();
        ledger.setSignUpFee(0);
        assertTrue(ledger.paused(), "clearing the fee must not unpause");
        ledger.unpause();
        vm.stopPrank();
        assertEq(ledger.signUpFee(), 0, "unpausing must not change the fee");
    }

    function test_withdrawFees_collected_sendsEverythingAndEmits() public {
        vm.prank(admin);
        ledger.setSignUpFee(3 ether);
        _signUp(newcomer);
        address payable treasury = payable(makeAddr("treasury"));
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.FeesWithdrawn(treasury, 3 ether);
        vm.prank(admin);
        ledger.withdrawFees(treasury);
        assertEq(treasury.balance, 3 ether, "treasury balance");
        assertEq(address(ledger).balance, 0, "ledger balance");
    }

    function test_withdrawFees_nothingCollected_emitsNothing() public {
        vm.recordLogs();
        vm.prank(admin);
        ledger.withdrawFees(payable(makeAddr("treasury")));
        assertNoLogs("withdrawing nothing is a no-op");
    }

    function test_withdrawFees_zeroTreasury_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryZeroTreasury.selector));
        ledger.withdrawFees(payable(address(0)));
    }

    function test_withdrawFees_byNonAdmin_reverts() public {
        bytes32 adminRole = ledger.DEFAULT_ADMIN_ROLE();
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, hospital, adminRole));
        ledger.withdrawFees(payable(hospital));
    }

    // ---- keys and profiles -----------------------------------------------------------------------

    function test_setEncryptionKey_newKey_emits() public {
        bytes32 key = keccak256("new key");
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.EncryptionKeyChanged(patient, key);
        vm.prank(patient);
        ledger.setEncryptionKey(key);
        assertEq(ledger.participant(patient).encryptionKey, key, "stored key");
    }

    function test_setEncryptionKey_currentKey_emitsNothing() public {
        vm.recordLogs();
        vm.prank(patient);
        ledger.setEncryptionKey(_keyOf(patient));
        assertNoLogs("setting the current key is a no-op");
    }

    function test_setEncryptionKey_zeroOrUnregisteredOrSuspended_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryZeroEncryptionKey.selector));
        ledger.setEncryptionKey(bytes32(0));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryNotRegistered.selector, stranger));
        ledger.setEncryptionKey(keccak256("k"));
        _suspend(patient);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInactiveParticipant.selector, patient));
        ledger.setEncryptionKey(keccak256("k"));
    }

    function test_setProfileDigest_byProvider_emits() public {
        bytes32 digest = keccak256("profile v2");
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ProfileChanged(lab, digest);
        vm.prank(lab);
        ledger.setProfileDigest(digest);
    }

    function test_setProfileDigest_currentDigest_emitsNothing() public {
        vm.recordLogs();
        vm.prank(lab);
        ledger.setProfileDigest(PROFILE);
        assertNoLogs("setting the current profile is a no-op");
    }

    function test_setProfileDigest_byPatientOrZero_reverts() public {
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryProfileNotAllowed.selector, IParticipantRegistry.Kind.Patient));
        ledger.setProfileDigest(PROFILE);
        vm.prank(doctor);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryMissingProfile.selector, IParticipantRegistry.Kind.Doctor));
        ledger.setProfileDigest(bytes32(0));
    }

    // ---- suspend / reactivate --------------------------------------------------------------------

    function test_suspend_byAdmin_emitsAndDeactivates() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantSuspended(insurer, admin);
        _suspend(insurer);
        assertFalse(ledger.isActive(insurer), "suspended");
        assertTrue(ledger.participant(insurer).status == IParticipantRegistry.Status.Suspended, "status");
    }

    function test_suspend_alreadySuspended_emitsNothing() public {
        _suspend(insurer);
        vm.recordLogs();
        _suspend(insurer);
        assertNoLogs("suspending twice is a no-op");
    }

    function test_suspend_byHospitalOfItsOwnDoctor_emits() public {
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantSuspended(doctor, hospital);
        vm.prank(hospital);
        ledger.suspend(doctor);
    }

    function test_suspend_byHospitalOfAnIndependentDoctor_reverts() public {
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryUnauthorizedStatusChange.selector, hospital, doctor2));
        ledger.suspend(doctor2);
    }

    function test_suspend_bySuspendedHospital_reverts() public {
        _suspend(hospital);
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryInactiveParticipant.selector, hospital));
        ledger.suspend(lab);
    }

    function test_suspend_byHospitalWhilePaused_reverts() public {
        _pause();
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        ledger.suspend(lab);
    }

    function test_suspend_byAdminWhilePaused_works() public {
        _pause();
        _suspend(lab);
        assertFalse(ledger.isActive(lab), "the admin still acts while paused");
    }

    function test_suspend_unregistered_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryNotRegistered.selector, stranger));
        ledger.suspend(stranger);
    }

    function test_reactivate_byAdmin_emitsAndActivates() public {
        _suspend(lab);
        vm.expectEmit(true, true, true, true, address(ledger));
        emit IParticipantRegistry.ParticipantReactivated(lab, admin);
        vm.prank(admin);
        ledger.reactivate(lab);
        assertTrue(ledger.isActive(lab), "active again");
    }

    function test_reactivate_active_emitsNothing() public {
        vm.recordLogs();
        vm.prank(admin);
        ledger.reactivate(lab);
        assertNoLogs("reactivating an active participant is a no-op");
    }

    function test_reactivate_byHospital_reverts() public {
        vm.prank(hospital);
        ledger.suspend(lab);
        bytes32 adminRole = ledger.DEFAULT_ADMIN_ROLE();
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, hospital, adminRole));
        ledger.reactivate(lab);
    }

    // ---- pause -----------------------------------------------------------------------------------

    function test_pause_byNonAdmin_reverts() public {
        bytes32 adminRole = ledger.DEFAULT_ADMIN_ROLE();
        vm.prank(hospital);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, hospital, adminRole));
        ledger.pause();
    }

    function test_pause_participantActions_revertUntilUnpaused() public {
        _pause();
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(Pausable.EnforcedPause.selector));
        ledger.setEncryptionKey(keccak256("k"));
        vm.prank(admin);
        ledger.unpause();
        vm.prank(patient);
        ledger.setEncryptionKey(keccak256("k"));
        assertEq(ledger.participant(patient).encryptionKey, keccak256("k"), "works after unpause");
    }

    // ---- the admin is never a participant --------------------------------------------------------

    function test_beginDefaultAdminTransfer_toParticipant_reverts() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IParticipantRegistry.RegistryAdminCannotParticipate.selector, doctor));
        ledger.beginDefaultAdminTransfer(doctor);
    }

    /// @dev The pending admin is not yet the admin, so the registration check alone lets it sign up
    /// while the transfer waits. Either the sign-up or the acceptance must fail, never both succeed.
    function test_acceptDefaultAdminTransfer_afterPendingAdminSignedUp_adminIsNeverAParticipant() public {
        vm.prank(admin);
        ledger.beginDefaultAdminTransfer(newcomer);
        vm.prank(newcomer);
        bool signedUp = _try(abi.encodeCall(ledger.signUp, (_keyOf(newcomer), _commitmentOf(newcomer))));
        vm.warp(_now() + ADMIN_TRANSFER_DELAY + 1);
        vm.prank(newcomer);
        bool accepted = _try(abi.encodeCall(ledger.acceptDefaultAdminTransfer, ()));
        assertTrue(signedUp != accepted, "exactly one of sign-up and acceptance succeeds");
        assertFalse(ledger.defaultAdmin() == newcomer && ledger.kindOf(newcomer) != IParticipantRegistry.Kind.None,
            "the admin is also a participant");
    }

    /// @dev Same gap through the admin's own registration of the pending admin.
    function test_acceptDefaultAdminTransfer_afterAdminRegisteredPendingAdmin_adminIsNeverAParticipant() public {
        vm.prank(admin);
        ledger.beginDefaultAdminTransfer(newcomer);
        vm.prank(admin);
        bool registered = _try(abi.encodeCall(ledger.registerParticipant, (newcomer, IParticipantRegistry.Kind.Auditor,
            address(0), bytes32(0), _commitmentOf(newcomer), bytes32(0))));
        vm.warp(_now() + ADMIN_TRANSFER_DELAY + 1);
        vm.prank(newcomer);
        bool accepted = _try(abi.encodeCall(ledger.acceptDefaultAdminTransfer, ()));
        assertTrue(registered != accepted, "exactly one of registration and acceptance succeeds");
        assertFalse(ledger.defaultAdmin() == newcomer && ledger.kindOf(newcomer) != IParticipantRegistry.Kind.None,
            "the admin is also a participant");
    }

    /// @dev Calls the ledger with the pending prank; true when the call succeeded.
    function _try(bytes memory data) internal returns (bool ok) {
        (ok,) = address(ledger).call(data);
    }
}

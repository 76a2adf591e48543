// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EHRLedger} from "../../../contracts/EHRLedger.sol";
import {IConsent} from "../../../contracts/interfaces/IConsent.sol";
import {IParticipantRegistry} from "../../../contracts/interfaces/IParticipantRegistry.sol";
import {IScopeKeys} from "../../../contracts/interfaces/IScopeKeys.sol";
import {Categories} from "../../../contracts/libraries/Categories.sol";

import {Assertions} from "./Assertions.sol";
import {vm} from "./Vm.sol";

/**
 * @dev The Solidity twin of test/helpers/world.ts: a fresh EHRLedger with one participant of each
 * kind (a hospital with an affiliated doctor and lab, an independent doctor, an insurer, an auditor,
 * a patient and a caregiver, who is a second patient) and an unregistered stranger.
 */
abstract contract LedgerFixture is Assertions {
    uint48 internal constant ADMIN_TRANSFER_DELAY = 3 days;
    uint256 internal constant START = 1_700_000_000;
    bytes32 internal constant PROFILE = bytes32(uint256(0x1111));
    uint8 internal constant ALL = 0xff;

    EHRLedger internal ledger;

    address internal admin = makeAddr("admin");
    address internal hospital = makeAddr("hospital");
    address internal doctor = makeAddr("doctor");
    address internal doctor2 = makeAddr("doctor2");
    address internal lab = makeAddr("lab");
    address internal insurer = makeAddr("insurer");
    address internal auditor = makeAddr("auditor");
    address internal patient = makeAddr("patient");
    address internal caregiver = makeAddr("caregiver");
    address internal stranger = makeAddr("stranger");

    function _deployWorld() internal {
        vm.warp(START);
        ledger = new EHRLedger(admin, ADMIN_TRANSFER_DELAY);
        _register(admin, hospital, IParticipantRegistry.Kind.Hospital, address(0));
        _register(hospital, doctor, IParticipantRegistry.Kind.Doctor, hospital);
        _register(hospital, lab, IParticipantRegistry.Kind.Lab, hospital);
        _register(admin, doctor2, IParticipantRegistry.Kind.Doctor, address(0));
        _register(admin, insurer, IParticipantRegistry.Kind.Insurer, address(0));
        _register(admin, auditor, IParticipantRegistry.Kind.Auditor, address(0));
        _signUp(patient);
        _signUp(caregiver);
    }

    function _register(address registrar, address account, IParticipantRegistry.Kind kind, address affiliation)
        internal
    {
        bool noProfile = kind == IParticipantRegistry.Kind.Patient || kind == IParticipantRegistry.Kind.Auditor;
        vm.prank(registrar);
        ledger.registerParticipant(account, kind, affiliation, _keyOf(account), _commitmentOf(account),
            noProfile ? bytes32(0) : PROFILE);
    }

    function _signUp(address account) internal {
        uint256 fee = ledger.signUpFee();
        vm.deal(account, fee);
        vm.prank(account);
        ledger.signUp{value: fee}(_keyOf(account), _commitmentOf(account));
    }

    function _keyOf(address account) internal pure returns (bytes32) {
        return keccak256(abi.encode("x25519", account));
    }

    function _commitmentOf(address account) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt || national id", account));
    }

    // ---- scope keys -------------------------------------------------------------------------------

    /// @dev A stand-in for a sealed box: the contract only checks the length (48..160 bytes).
    function _wrap(uint8 tag) internal pure returns (bytes memory) {
        return _wrapOfLength(tag, 80);
    }

    function _wrapOfLength(uint8 tag, uint256 length) internal pure returns (bytes memory wrap) {
        wrap = new bytes(length);
        for (uint256 i = 0; i < length; ++i) wrap[i] = bytes1(tag);
    }

    /// @dev One wrap per category of `scope`, in ascending category order.
    function _wraps(uint8 scope) internal pure returns (bytes[] memory wraps) {
        wraps = new bytes[](Categories.count(scope));
        uint256 next = 0;
        for (uint8 category = 0; category < Categories.COUNT; ++category) {
            if (Categories.covers(scope, category)) wraps[next++] = _wrap(0x40 + category);
        }
    }

    /// @dev The patient's wrap followed by one wrap per reader.
    function _keyWraps(address owner, address[] memory readers)
        internal
        pure
        returns (IScopeKeys.ScopeKeyWrap[] memory wraps)
    {
        wraps = new IScopeKeys.ScopeKeyWrap[](readers.length + 1);
        wraps[0] = IScopeKeys.ScopeKeyWrap({recipient: owner, wrap: _wrap(0x01)});
        for (uint256 i = 0; i < readers.length; ++i) {
            wraps[i + 1] = IScopeKeys.ScopeKeyWrap({recipient: readers[i], wrap: _wrap(0x02)});
        }
    }

    function _none() internal pure returns (address[] memory) {
        return new address[](0);
    }

    function _list(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _list(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        list[0] = a;
        list[1] = b;
    }

    /// @dev Starts the next epoch of `owner`'s `category`, sent by `rotator`, shared with `readers`.
    function _rotate(address rotator, address owner, uint8 category, address[] memory readers) internal {
        uint32 current = ledger.scopeKeyState(owner, category).epoch;
        bytes memory previousKeyWrap = current == 0 ? bytes("") : _wrap(0x03);
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(owner, readers);
        vm.prank(rotator);
        ledger.rotateScopeKey(owner, category, current, previousKeyWrap, wraps);
    }

    /// @dev Creates epoch 1 of `category` for `owner`, as the patient's browser would.
    function _initScopeKey(address owner, uint8 category) internal {
        _rotate(owner, owner, category, _none());
    }

    function _initAllScopeKeys(address owner) internal {
        for (uint8 category = 0; category < Categories.COUNT; ++category) _initScopeKey(owner, category);
    }

    // ---- consent ---------------------------------------------------------------------------------

    function _input(address grantee, uint8 readScope, uint8 writeScope, uint40 expiresAt)
        internal
        pure
        returns (IConsent.GrantInput memory)
    {
        return IConsent.GrantInput({
            grantee: grantee,
            readScope: readScope,
            writeScope: writeScope,
            expiresAt: expiresAt,
            scopeKeyWraps: _wraps(readScope | writeScope)
        });
    }

    function _inputs(IConsent.GrantInput memory input) internal pure returns (IConsent.GrantInput[] memory inputs) {
        inputs = new IConsent.GrantInput[](1);
        inputs[0] = input;
    }

    function _grant(address owner, address grantee, uint8 readScope, uint8 writeScope, uint40 expiresAt) internal {
        IConsent.GrantInput[] memory inputs = _inputs(_input(grantee, readScope, writeScope, expiresAt));
        vm.prank(owner);
        ledger.grant(inputs);
    }

    function _revoke(address owner, address grantee) internal {
        vm.prank(owner);
        ledger.revoke(grantee);
    }

    // ---- records ---------------------------------------------------------------------------------

    function _digest(uint256 n) internal pure returns (bytes32) {
        return keccak256(abi.encode("encrypted envelope", n));
    }

    function _addRecord(address author, address owner, uint8 category) internal returns (uint256 recordId) {
        uint32 epoch = ledger.scopeKeyState(owner, category).epoch;
        vm.prank(author);
        recordId = ledger.addRecord(owner, category, epoch, _digest(category));
    }

    function _bit(uint8 category) internal pure returns (uint8) {
        return Categories.bit(category);
    }

    function _pause() internal {
        vm.prank(admin);
        ledger.pause();
    }

    function _suspend(address account) internal {
        vm.prank(admin);
        ledger.suspend(account);
    }

    // ---- storage ---------------------------------------------------------------------------------

    /// @dev Writes `value` into `width` bits at `offset` of `owner`'s registry slot, found by watching
    /// which slot {kindOf} reads. The slot packs kind (bits 0-7), status (8-15), registeredAt (16-55)
    /// and the 200-bit patient state from bit 56: record count at 56, epochs from 136 (15 bits each).
    /// Reaching a capacity limit by honest calls would take millions of transactions.
    function _setPatientBits(address owner, uint256 offset, uint256 width, uint256 value) internal {
        vm.record();
        ledger.kindOf(owner);
        (bytes32[] memory reads,) = vm.accesses(address(ledger));
        require(reads.length == 1, "kindOf reads one slot");
        uint256 raw = uint256(vm.load(address(ledger), reads[0]));
        uint256 mask = ((uint256(1) << width) - 1) << offset;
        vm.store(address(ledger), reads[0], bytes32((raw & ~mask) | (value << offset)));
    }

    function _setEpoch(address owner, uint8 category, uint256 epoch) internal {
        _setPatientBits(owner, 136 + 15 * uint256(category), 15, epoch);
    }
}

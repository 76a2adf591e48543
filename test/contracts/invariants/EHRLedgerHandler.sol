// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IConsent} from "../../../contracts/interfaces/IConsent.sol";
import {IParticipantRegistry} from "../../../contracts/interfaces/IParticipantRegistry.sol";
import {IRecordLog} from "../../../contracts/interfaces/IRecordLog.sol";
import {IScopeKeys} from "../../../contracts/interfaces/IScopeKeys.sol";
import {Categories} from "../../../contracts/libraries/Categories.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

/**
 * @dev Drives one EHRLedger through bounded random actions of a fixed cast (the admin, a hospital
 * with an affiliated doctor and lab, an independent doctor, an insurer, an auditor, two patients, a
 * stranger, and a patient and a doctor who join during the run) and keeps a model of what the ledger
 * should hold. Inputs are bounded to valid values most of the time, so most calls succeed; a few are
 * deliberately invalid (a stale epoch, a recipient without access, a caller who is not the patient)
 * and must fail. Every outcome is compared with the model; the invariant test reads the counters.
 *
 * A failed check never reverts here (a reverting handler call is just discarded by the fuzzer): it
 * increments a counter and keeps the first explanation in {firstSurprise}.
 *
 * The invariant test inherits this contract and targets itself: the fuzzer can only call contracts
 * it has an artifact for, and a helper file gets one only when the whole test directory is built.
 */
abstract contract EHRLedgerHandler is LedgerFixture {
    using Categories for uint8;

    enum Action {
        Register,
        SetStatus,
        Grant,
        Revoke,
        Rotate,
        AddRecord,
        Amend,
        Retract,
        LogAccess,
        Warp,
        Pause
    }

    uint256 internal constant ACTION_COUNT = 11;
    uint256 internal constant MAX_PAUSED_CALLS = 5;

    struct ModelGrant {
        uint8 readScope;
        uint8 writeScope;
        uint40 expiresAt;
    }

    struct ModelRecord {
        address author;
        uint8 category;
        IRecordLog.RecordStatus status;
    }

    address internal newPatient = makeAddr("newPatient");
    address internal newDoctor = makeAddr("newDoctor");

    /// @dev Everyone but the admin, in a fixed order.
    address[] internal cast;
    address[] internal patients;

    // ---- the model -------------------------------------------------------------------------------

    mapping(address account => IParticipantRegistry.Kind) internal modelKind;
    mapping(address account => bool) internal modelSuspended;
    mapping(address account => address) internal modelAffiliation;
    bool internal modelPaused;
    uint256 internal pausedSince;
    mapping(address patient => mapping(address grantee => ModelGrant)) internal modelGrants;
    mapping(address patient => mapping(uint8 category => uint32)) internal modelEpoch;
    /// @dev Categories a removed reader (revoked, or dropped by a re-grant) can still open.
    mapping(address patient => uint8) internal modelPending;
    mapping(address patient => uint256) internal modelRecordCount;
    mapping(address patient => mapping(uint256 recordId => ModelRecord)) internal modelRecords;
    /// @dev Everyone who learned the current key of a category: wrap recipients, grantees and the
    /// rotator, who made the key.
    mapping(address patient => mapping(uint8 category => address[])) internal keyHolders;

    // ---- counters --------------------------------------------------------------------------------

    uint256 internal calls;
    uint256[ACTION_COUNT] internal attempted;
    uint256[ACTION_COUNT] internal accepted;
    /// @dev Calls whose outcome (accepted or rejected) differed from the model's prediction.
    uint256 internal surprises;
    string internal firstSurprise;

    /// @dev (c) A grant or revoke accepted from a caller that is not an active patient.
    uint256 internal grantChangesByNonPatients;
    /// @dev (d) A registration accepted for an account that already had a kind, or by an account
    /// that may not register.
    uint256 internal kindChangesOutsideRegistration;
    /// @dev (e) A record accepted while the ledger itself reported that the category must rotate,
    /// or while the model knows a removed reader still holds the key.
    uint256 internal recordsAcceptedWhileRotationRequired;
    uint256 internal recordsAcceptedWhilePending;
    /// @dev R4: a record accepted under a key that someone whose grant has ended (expired,
    /// revoked or dropped) learned, e.g. from a wrap or by making the key.
    uint256 internal recordsAcceptedUnderAFormerHoldersKey;
    /// @dev R5: a rotation or record accepted with an epoch other than the current one.
    uint256 internal staleEpochsAccepted;
    uint256 internal readReceiptsWithoutAccess;
    uint256 internal staleAttempts;
    uint256 internal callsWhilePaused;

    function _setUpHandler() internal {
        _deployWorld();
        cast = [hospital, doctor, doctor2, lab, insurer, auditor, patient, caregiver, newPatient, newDoctor, stranger];
        patients = [patient, caregiver, newPatient];
        modelKind[hospital] = IParticipantRegistry.Kind.Hospital;
        modelKind[doctor] = IParticipantRegistry.Kind.Doctor;
        modelKind[lab] = IParticipantRegistry.Kind.Lab;
        modelKind[doctor2] = IParticipantRegistry.Kind.Doctor;
        modelKind[insurer] = IParticipantRegistry.Kind.Insurer;
        modelKind[auditor] = IParticipantRegistry.Kind.Auditor;
        modelKind[patient] = IParticipantRegistry.Kind.Patient;
        modelKind[caregiver] = IParticipantRegistry.Kind.Patient;
        modelAffiliation[doctor] = hospital;
        modelAffiliation[lab] = hospital;
        // The first keys, so grants and records work from the first call.
        for (uint8 c = 0; c < 8; ++c) {
            _initScopeKey(patient, c);
            _initScopeKey(caregiver, c);
            modelEpoch[patient][c] = 1;
            modelEpoch[caregiver][c] = 1;
            keyHolders[patient][c].push(patient);
            keyHolders[caregiver][c].push(caregiver);
        }
    }

    function _totalAccepted() internal view returns (uint256 total) {
        for (uint256 i = 0; i < ACTION_COUNT; ++i) total += accepted[i];
    }

    /// @dev The model's hasAccess: an unexpired grant covering the category, both parties active, not
    /// paused; a patient always reaches their own records.
    function _modelHasAccess(address owner, address grantee, uint8 category, bool write) internal view returns (bool) {
        if (modelPaused || !_isActivePatient(owner)) return false;
        if (grantee == owner) return true;
        return _grantLive(owner, grantee, category, write) && _isActive(grantee);
    }

    // ---- actions ---------------------------------------------------------------------------------

    function register(uint256 seed) external {
        _begin(Action.Register);
        seed = _mix(seed);
        uint256 mode = seed % 6;
        bool ok;
        if (mode == 0) {
            bool expected = !modelPaused && modelKind[newPatient] == IParticipantRegistry.Kind.None;
            vm.prank(newPatient);
            ok = _call(abi.encodeCall(ledger.signUp, (_keyOf(newPatient), _commitmentOf(newPatient))));
            if (ok) _noteRegistered(newPatient, IParticipantRegistry.Kind.Patient, address(0));
            _expect(Action.Register, ok, expected, "signUp");
        } else if (mode == 1 || mode == 2) {
            address registrar = mode == 1 ? admin : hospital;
            address affiliation = mode == 1 ? address(0) : hospital;
            bool expected = !modelPaused && modelKind[newDoctor] == IParticipantRegistry.Kind.None &&
                (registrar == admin || _isActive(hospital));
            vm.prank(registrar);
            ok = _call(abi.encodeCall(ledger.registerParticipant, (newDoctor, IParticipantRegistry.Kind.Doctor,
                affiliation, _keyOf(newDoctor), _commitmentOf(newDoctor), PROFILE)));
            if (ok) _noteRegistered(newDoctor, IParticipantRegistry.Kind.Doctor, affiliation);
            _expect(Action.Register, ok, expected, "registerParticipant(newDoctor)");
        } else if (mode == 3) {
            // The admin tries to give a registered account a second kind.
            address account = _registered(seed >> 8);
            vm.prank(admin);
            ok = _call(abi.encodeCall(ledger.registerParticipant, (account, IParticipantRegistry.Kind.Auditor,
                address(0), bytes32(0), _commitmentOf(account), bytes32(0))));
            if (ok) ++kindChangesOutsideRegistration;
            _expect(Action.Register, ok, false, "re-registration");
        } else {
            // Someone who is neither the admin nor a hospital (or a hospital registering a patient).
            address registrar = mode == 4 ? cast[(seed >> 8) % cast.length] : hospital;
            if (registrar == hospital) registrar = mode == 4 ? doctor2 : hospital;
            vm.prank(registrar);
            ok = _call(abi.encodeCall(ledger.registerParticipant, (stranger, IParticipantRegistry.Kind.Patient,
                address(0), bytes32(0), _commitmentOf(stranger), bytes32(0))));
            if (ok) ++kindChangesOutsideRegistration;
            _expect(Action.Register, ok, false, "registration by a non-registrar");
        }
    }

    /// @dev Suspensions (one call in eight) are rarer than reactivations, so most of the cast is
    /// active most of the time.
    function setStatus(uint256 targetSeed, uint256 mode) external {
        _begin(Action.SetStatus);
        mode = _mix(mode);
        address target = cast[targetSeed % cast.length];
        bool suspending = mode % 8 == 0;
        if (!modelSuspended[target] && !suspending) {
            address suspended = _firstSuspended(targetSeed);
            if (suspended != address(0)) target = suspended;
        }
        bool registered = modelKind[target] != IParticipantRegistry.Kind.None;
        bool ok;
        if (modelSuspended[target]) {
            vm.prank(admin);
            ok = _call(abi.encodeCall(ledger.reactivate, (target)));
            if (ok) modelSuspended[target] = false;
            _expect(Action.SetStatus, ok, registered, "reactivate");
        } else if (suspending && modelAffiliation[target] == hospital && (mode >> 8) % 2 == 0) {
            bool expected = !modelPaused && _isActive(hospital);
            vm.prank(hospital);
            ok = _call(abi.encodeCall(ledger.suspend, (target)));
            if (ok) modelSuspended[target] = true;
            _expect(Action.SetStatus, ok, expected, "suspend by hospital");
        } else if (suspending) {
            vm.prank(admin);
            ok = _call(abi.encodeCall(ledger.suspend, (target)));
            if (ok) modelSuspended[target] = true;
            _expect(Action.SetStatus, ok, registered, "suspend by admin");
        } else {
            // Nobody suspended: reactivating an active participant is a no-op that succeeds.
            vm.prank(admin);
            ok = _call(abi.encodeCall(ledger.reactivate, (target)));
            _expect(Action.SetStatus, ok, registered, "reactivate (no-op)");
        }
    }

    function grant(uint256 ownerSeed, uint256 granteeSeed, uint8 readScope, uint8 writeScope, uint256 expirySeed)
        external
    {
        _begin(Action.Grant);
        (ownerSeed, granteeSeed) = (_mix(ownerSeed), _mix(granteeSeed));
        address owner = _caller(ownerSeed);
        address grantee = granteeSeed % 4 == 0 ? cast[(granteeSeed >> 8) % cast.length] : _validGrantee(owner, granteeSeed >> 8);
        uint8 keyed = _keyedScope(owner);
        if (keyed == 0) keyed = 0x01; // an uninitialised category: must fail
        // Half the re-grants keep every category the grantee had, so they drop nothing.
        if (_mix(expirySeed) % 6 < 3) readScope |= modelGrants[owner][grantee].readScope;
        readScope &= keyed;
        writeScope &= keyed;
        if (!_isWriterKind(grantee)) writeScope = 0;
        if ((readScope | writeScope) == 0) readScope = _lowestBit(keyed);
        // One grant in three expires, within two months (or, rarely, within seconds).
        uint40 expiresAt = _mix(expirySeed) % 3 != 0 ? 0 : uint40(_now() + bound(expirySeed >> 8, 1, 60 days));
        uint8 scope = readScope | writeScope;

        bool expected = !modelPaused && _isActivePatient(owner) && grantee != owner && _isValidGrantee(grantee) &&
            _isActive(grantee) && (scope & ~_keyedScope(owner)) == 0;
        IConsent.GrantInput[] memory inputs = _inputs(_input(grantee, readScope, writeScope, expiresAt));
        vm.prank(owner);
        bool ok = _call(abi.encodeCall(ledger.grant, (inputs)));
        if (ok) {
            if (!_isActivePatient(owner)) ++grantChangesByNonPatients;
            modelPending[owner] |= modelGrants[owner][grantee].readScope & ~scope;
            modelGrants[owner][grantee] = ModelGrant(scope, writeScope, expiresAt);
            for (uint8 c = 0; c < 8; ++c) {
                if (scope.covers(c)) keyHolders[owner][c].push(grantee);
            }
        }
        _expect(Action.Grant, ok, expected, "grant");
    }

    function revoke(uint256 ownerSeed, uint256 granteeSeed) external {
        _begin(Action.Revoke);
        (ownerSeed, granteeSeed) = (_mix(ownerSeed), _mix(granteeSeed));
        address owner = _caller(ownerSeed);
        // A third of the time a current grantee; otherwise anyone, often a no-op.
        address grantee = granteeSeed % 3 == 0 ? _grantedOrAny(owner, granteeSeed >> 8) : cast[(granteeSeed >> 8) % cast.length];
        bool expected = !modelPaused && _isActivePatient(owner);
        vm.prank(owner);
        bool ok = _call(abi.encodeCall(ledger.revoke, (grantee)));
        if (ok) {
            if (!_isActivePatient(owner)) ++grantChangesByNonPatients;
            modelPending[owner] |= modelGrants[owner][grantee].readScope;
            delete modelGrants[owner][grantee];
        }
        _expect(Action.Revoke, ok, expected, "revoke");
    }

    function rotate(uint256 ownerSeed, uint8 category, uint256 rotatorSeed, uint256 recipientMask, uint256 variant)
        external
    {
        _begin(Action.Rotate);
        (ownerSeed, variant) = (_mix(ownerSeed), _mix(variant));
        address owner = _owner(ownerSeed);
        uint8 c = variant % 4 != 0 ? _categoryNeedingRotation(owner, category) : category % 8;
        address rotator = variant % 16 == 1 ? cast[rotatorSeed % cast.length] : _writerOf(owner, c, rotatorSeed);
        uint32 current = modelEpoch[owner][c];
        uint32 expectedEpoch = current;
        if (variant % 10 == 3) {
            expectedEpoch = current == 0 || rotatorSeed % 2 == 0 ? current + 1 : current - 1;
            ++staleAttempts;
        }
        address[] memory readers = _readersOf(owner, c, recipientMask);
        bool strangerInvited = variant % 10 == 5;
        if (strangerInvited) readers = _append(readers, stranger);

        bool expected = _modelHasAccess(owner, rotator, c, true) && expectedEpoch == current && !strangerInvited;
        IScopeKeys.ScopeKeyWrap[] memory wraps = _keyWraps(owner, readers);
        bytes memory link = expectedEpoch == 0 ? bytes("") : _wrap(0x03);
        vm.prank(rotator);
        bool ok = _call(abi.encodeCall(ledger.rotateScopeKey, (owner, c, expectedEpoch, link, wraps)));
        if (ok) {
            if (expectedEpoch != current) ++staleEpochsAccepted;
            modelEpoch[owner][c] = current + 1;
            modelPending[owner] &= ~c.bit();
            delete keyHolders[owner][c];
            keyHolders[owner][c].push(owner);
            keyHolders[owner][c].push(rotator);
            for (uint256 i = 0; i < readers.length; ++i) keyHolders[owner][c].push(readers[i]);
        }
        _expect(Action.Rotate, ok, expected, "rotateScopeKey");
    }

    function addRecord(uint256 ownerSeed, uint8 category, uint256 authorSeed, uint256 variant) external {
        _begin(Action.AddRecord);
        (ownerSeed, variant) = (_mix(ownerSeed), _mix(variant));
        address owner = _owner(ownerSeed);
        uint8 c = variant % 4 == 0 ? category % 8 : _categoryOpenForRecords(owner, category);
        address author = variant % 16 == 1 ? cast[authorSeed % cast.length] : _writerOf(owner, c, authorSeed);
        uint32 current = modelEpoch[owner][c];
        uint32 epoch = current;
        if (variant % 10 == 3) {
            epoch = current == 0 || authorSeed % 2 == 0 ? current + 1 : current - 1;
            ++staleAttempts;
        }
        bool rotationRequired = ledger.rotationRequired(owner, c);
        bool expected = _modelHasAccess(owner, author, c, true) && current != 0 && epoch == current &&
            !rotationRequired;
        vm.prank(author);
        bool ok = _call(abi.encodeCall(ledger.addRecord, (owner, c, epoch, _digest(calls))));
        if (ok) {
            if (epoch != current) ++staleEpochsAccepted;
            _noteRecord(owner, c, author, rotationRequired);
        }
        _expect(Action.AddRecord, ok, expected, "addRecord");
    }

    function amend(uint256 ownerSeed, uint256 recordSeed, uint256 variant) external {
        _begin(Action.Amend);
        (ownerSeed, variant) = (_mix(ownerSeed), _mix(variant));
        address owner = _owner(ownerSeed);
        uint256 recordId = variant % 4 == 0 ? _someRecord(owner, recordSeed) : _someEditableRecord(owner, recordSeed, true);
        ModelRecord memory previous = modelRecords[owner][recordId];
        address caller = variant % 8 == 1 || previous.author == address(0) ? cast[variant % cast.length] : previous.author;
        uint8 c = previous.category;
        bool rotationRequired = ledger.rotationRequired(owner, c);
        bool expected = previous.status == IRecordLog.RecordStatus.Active && caller == previous.author &&
            _modelHasAccess(owner, caller, c, true) && !rotationRequired;
        uint32 epoch = modelEpoch[owner][c];
        vm.prank(caller);
        bool ok = _call(abi.encodeCall(ledger.amendRecord, (owner, recordId, epoch, _digest(calls))));
        if (ok) {
            modelRecords[owner][recordId].status = IRecordLog.RecordStatus.Superseded;
            _noteRecord(owner, c, caller, rotationRequired);
        }
        _expect(Action.Amend, ok, expected, "amendRecord");
    }

    function retract(uint256 ownerSeed, uint256 recordSeed, uint256 variant) external {
        _begin(Action.Retract);
        (ownerSeed, variant) = (_mix(ownerSeed), _mix(variant));
        address owner = _owner(ownerSeed);
        // Half the time any record, so that retractions do not use up the records to amend.
        uint256 recordId = variant % 2 == 0 ? _someRecord(owner, recordSeed) : _someEditableRecord(owner, recordSeed, false);
        ModelRecord memory target = modelRecords[owner][recordId];
        address caller = variant % 8 == 1 || target.author == address(0) ? cast[variant % cast.length] : target.author;
        uint8 reason = variant % 10 == 7 ? 4 : uint8(variant % 4);
        // Only the author with write access may retract; retracting a retracted record is then a no-op.
        bool expected = !modelPaused && reason <= 3 && target.status != IRecordLog.RecordStatus.Superseded &&
            target.status != IRecordLog.RecordStatus.None && caller == target.author &&
            _modelHasAccess(owner, caller, target.category, true);
        vm.prank(caller);
        bool ok = _call(abi.encodeCall(ledger.retractRecord, (owner, recordId, reason)));
        if (ok) modelRecords[owner][recordId].status = IRecordLog.RecordStatus.Retracted;
        _expect(Action.Retract, ok, expected, "retractRecord");
    }

    function logAccess(uint256 ownerSeed, uint256 recordSeed, uint256 readerSeed) external {
        _begin(Action.LogAccess);
        (ownerSeed, readerSeed) = (_mix(ownerSeed), _mix(readerSeed));
        address owner = _owner(ownerSeed);
        uint256 recordId = _someRecord(owner, recordSeed);
        ModelRecord memory target = modelRecords[owner][recordId];
        address reader = readerSeed % 3 == 0 ? owner : readerSeed % 3 == 1
            ? _readerOf(owner, target.category, readerSeed >> 8)
            : cast[(readerSeed >> 8) % cast.length];
        bool canRead = _modelHasAccess(owner, reader, target.category, false);
        bool expected = target.status != IRecordLog.RecordStatus.None && canRead;
        vm.prank(reader);
        bool ok = _call(abi.encodeCall(ledger.logAccess, (owner, recordId, uint8(readerSeed % 9))));
        if (ok && !canRead) ++readReceiptsWithoutAccess;
        _expect(Action.LogAccess, ok, expected, "logAccess");
    }

    function warp(uint256 seconds_) external {
        _begin(Action.Warp);
        vm.warp(_now() + bound(seconds_, 1, 3 days));
        ++accepted[uint256(Action.Warp)];
    }

    /// @dev When running, the admin pauses (half the time) or someone else tries to and must fail;
    /// when paused, the admin unpauses. {_begin} also lifts a pause after a few calls, so the ledger
    /// runs most of the time while every action still meets a pause now and then.
    function pauseOrUnpause(uint256 seed) external {
        _begin(Action.Pause);
        seed = _mix(seed);
        bool ok;
        if (modelPaused) {
            ok = _unpause();
            _expect(Action.Pause, ok, true, "unpause");
        } else if (seed % 2 == 0) {
            vm.prank(admin);
            ok = _call(abi.encodeCall(ledger.pause, ()));
            if (ok) {
                modelPaused = true;
                pausedSince = calls;
            }
            _expect(Action.Pause, ok, true, "pause");
        } else {
            vm.prank(cast[(seed >> 8) % cast.length]);
            ok = _call(abi.encodeCall(ledger.pause, ()));
            _expect(Action.Pause, ok, false, "pause by a participant");
        }
    }

    function _unpause() internal returns (bool ok) {
        vm.prank(admin);
        ok = _call(abi.encodeCall(ledger.unpause, ()));
        if (ok) modelPaused = false;
    }

    // ---- bookkeeping -----------------------------------------------------------------------------

    /// @dev Spreads a seed that picks a branch: fuzzers favour zero and other edge values, which would
    /// otherwise choose the same branches (pause, suspend, a stale epoch) far more often than intended.
    function _mix(uint256 seed) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed)));
    }

    function _begin(Action action) internal {
        ++calls;
        if (modelPaused && calls - pausedSince > MAX_PAUSED_CALLS) {
            bool ok = _unpause();
            _expect(Action.Pause, ok, true, "unpause after a few calls");
        }
        if (modelPaused) ++callsWhilePaused;
        ++attempted[uint256(action)];
    }

    function _call(bytes memory data) internal returns (bool ok) {
        (ok,) = address(ledger).call(data);
    }

    function _expect(Action action, bool ok, bool expected, string memory what) internal {
        if (ok) ++accepted[uint256(action)];
        if (ok == expected) return;
        ++surprises;
        if (bytes(firstSurprise).length == 0) {
            firstSurprise = string.concat(what, ok ? " accepted but the model rejects it" : " rejected but the model accepts it");
        }
    }

    function _noteRegistered(address account, IParticipantRegistry.Kind kind, address affiliation) internal {
        if (modelKind[account] != IParticipantRegistry.Kind.None) ++kindChangesOutsideRegistration;
        modelKind[account] = kind;
        modelAffiliation[account] = affiliation;
    }

    function _noteRecord(address owner, uint8 c, address author, bool rotationRequired) internal {
        if (rotationRequired) ++recordsAcceptedWhileRotationRequired;
        if (modelPending[owner].covers(c)) ++recordsAcceptedWhilePending;
        if (_aFormerHolderKnowsTheKey(owner, c)) ++recordsAcceptedUnderAFormerHoldersKey;
        uint256 recordId = ++modelRecordCount[owner];
        modelRecords[owner][recordId] = ModelRecord(author, c, IRecordLog.RecordStatus.Active);
    }

    // ---- model helpers ---------------------------------------------------------------------------

    function _isActive(address account) internal view returns (bool) {
        return modelKind[account] != IParticipantRegistry.Kind.None && !modelSuspended[account];
    }

    function _isActivePatient(address account) internal view returns (bool) {
        return modelKind[account] == IParticipantRegistry.Kind.Patient && !modelSuspended[account];
    }

    function _isWriterKind(address account) internal view returns (bool) {
        IParticipantRegistry.Kind kind = modelKind[account];
        return kind == IParticipantRegistry.Kind.Doctor || kind == IParticipantRegistry.Kind.Hospital ||
            kind == IParticipantRegistry.Kind.Lab;
    }

    function _isValidGrantee(address account) internal view returns (bool) {
        IParticipantRegistry.Kind kind = modelKind[account];
        return kind != IParticipantRegistry.Kind.None && kind != IParticipantRegistry.Kind.Auditor;
    }

    /// @dev The grant itself, ignoring statuses and the pause: covers the category and unexpired.
    function _grantLive(address owner, address grantee, uint8 category, bool write) internal view returns (bool) {
        ModelGrant memory g = modelGrants[owner][grantee];
        if (!(write ? g.writeScope : g.readScope).covers(category)) return false;
        return g.expiresAt == 0 || _now() < g.expiresAt;
    }

    /// @dev Someone learned the current key and no longer holds a live grant for the category. A
    /// suspended holder still holds its grant; the patient always holds their own keys.
    function _aFormerHolderKnowsTheKey(address owner, uint8 c) internal view returns (bool) {
        address[] storage holders = keyHolders[owner][c];
        for (uint256 i = 0; i < holders.length; ++i) {
            address holder = holders[i];
            if (holder != owner && !_grantLive(owner, holder, c, false)) return true;
        }
        return false;
    }

    function _keyedScope(address owner) internal view returns (uint8 scope) {
        for (uint8 c = 0; c < 8; ++c) {
            if (modelEpoch[owner][c] != 0) scope |= c.bit();
        }
    }

    function _lowestBit(uint8 scope) internal pure returns (uint8) {
        return scope & (~scope + 1);
    }

    /// @dev A registered patient; one call in sixteen any patient, joined or not.
    function _owner(uint256 seed) internal view returns (address) {
        address owner = patients[seed % patients.length];
        if (modelKind[owner] == IParticipantRegistry.Kind.Patient || seed % 16 == 15) return owner;
        return patients[(seed >> 8) % 2];
    }

    /// @dev Mostly a registered patient; one call in sixteen anyone, whose grant must fail.
    function _caller(uint256 seed) internal view returns (address) {
        if (seed % 16 == 15) return cast[(seed >> 8) % cast.length];
        return _owner(seed);
    }

    function _registered(uint256 seed) internal view returns (address) {
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[(seed % cast.length + i) % cast.length];
            if (modelKind[account] != IParticipantRegistry.Kind.None) return account;
        }
        return hospital;
    }

    function _firstSuspended(uint256 seed) internal view returns (address) {
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[(seed % cast.length + i) % cast.length];
            if (modelSuspended[account]) return account;
        }
        return address(0);
    }

    /// @dev Someone `owner` may grant to (registered, active, not an auditor, not the owner) if any.
    function _validGrantee(address owner, uint256 seed) internal view returns (address) {
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[(seed % cast.length + i) % cast.length];
            if (account != owner && _isValidGrantee(account) && _isActive(account)) return account;
        }
        return cast[seed % cast.length];
    }

    /// @dev A grantee of `owner` when there is one (so most revocations remove something).
    function _grantedOrAny(address owner, uint256 seed) internal view returns (address) {
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[(seed % cast.length + i) % cast.length];
            if (modelGrants[owner][account].readScope != 0) return account;
        }
        return cast[seed % cast.length];
    }

    /// @dev The patient or someone the model lets write `c`, chosen by `seed`.
    function _writerOf(address owner, uint8 c, uint256 seed) internal view returns (address) {
        uint256 start = seed % (cast.length + 1);
        for (uint256 i = 0; i <= cast.length; ++i) {
            uint256 index = (start + i) % (cast.length + 1);
            if (index == cast.length) return owner;
            if (_modelHasAccess(owner, cast[index], c, true)) return cast[index];
        }
        return owner;
    }

    /// @dev A subset (by `mask`) of the cast members the model lets read `c`.
    function _readersOf(address owner, uint8 c, uint256 mask) internal view returns (address[] memory readers) {
        readers = new address[](cast.length);
        uint256 n = 0;
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[i];
            if ((mask >> i) & 1 == 1 && account != owner && _modelHasAccess(owner, account, c, false)) {
                readers[n++] = account;
            }
        }
        assembly ("memory-safe") {
            mstore(readers, n)
        }
    }

    function _append(address[] memory list, address extra) internal pure returns (address[] memory longer) {
        longer = new address[](list.length + 1);
        for (uint256 i = 0; i < list.length; ++i) longer[i] = list[i];
        longer[list.length] = extra;
    }

    /// @dev A category of `owner` the ledger says must rotate, if any; otherwise `seed`'s category.
    function _categoryNeedingRotation(address owner, uint8 seed) internal view returns (uint8) {
        for (uint8 i = 0; i < 8; ++i) {
            uint8 c = uint8((uint256(seed) + i) % 8);
            if (ledger.rotationRequired(owner, c) || modelEpoch[owner][c] == 0) return c;
        }
        return seed % 8;
    }

    /// @dev A category of `owner` the ledger accepts records for, if any; otherwise `seed`'s category.
    function _categoryOpenForRecords(address owner, uint8 seed) internal view returns (uint8) {
        for (uint8 i = 0; i < 8; ++i) {
            uint8 c = uint8((uint256(seed) + i) % 8);
            if (modelEpoch[owner][c] != 0 && !ledger.rotationRequired(owner, c)) return c;
        }
        return seed % 8;
    }

    /// @dev Someone (not the patient) the model lets read `c`, or any cast member when nobody can.
    function _readerOf(address owner, uint8 c, uint256 seed) internal view returns (address) {
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[(seed % cast.length + i) % cast.length];
            if (account != owner && _modelHasAccess(owner, account, c, false)) return account;
        }
        return cast[seed % cast.length];
    }

    /// @dev One of `owner`'s current records its author may still change (and, when `newVersion`, add
    /// a version to), searching a few from `seed`; otherwise any record.
    function _someEditableRecord(address owner, uint256 seed, bool newVersion) internal view returns (uint256) {
        uint256 count = modelRecordCount[owner];
        if (count == 0) return 1;
        for (uint256 i = 0; i < 16 && i < count; ++i) {
            uint256 recordId = 1 + (seed % count + i) % count;
            ModelRecord memory candidate = modelRecords[owner][recordId];
            if (candidate.status != IRecordLog.RecordStatus.Active) continue;
            if (!_modelHasAccess(owner, candidate.author, candidate.category, true)) continue;
            if (newVersion && ledger.rotationRequired(owner, candidate.category)) continue;
            return recordId;
        }
        return 1 + seed % count;
    }

    /// @dev One of `owner`'s records, or id 1 when there is none yet (which must then fail).
    function _someRecord(address owner, uint256 seed) internal view returns (uint256) {
        uint256 count = modelRecordCount[owner];
        return count == 0 ? 1 : 1 + seed % count;
    }
}

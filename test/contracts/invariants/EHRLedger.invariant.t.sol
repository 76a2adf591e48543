// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

import {IConsent} from "../../../contracts/interfaces/IConsent.sol";
import {IParticipantRegistry} from "../../../contracts/interfaces/IParticipantRegistry.sol";
import {IRecordLog} from "../../../contracts/interfaces/IRecordLog.sol";

import {EHRLedgerHandler} from "./EHRLedgerHandler.sol";

struct FuzzSelector {
    address addr;
    bytes4[] selectors;
}

/**
 * @dev Invariants of the whole ledger under random sequences of {EHRLedgerHandler} actions. This
 * contract is its own fuzz target, restricted to the handler's actions; each invariant compares the
 * ledger with the handler's model or reads its counters of calls that must never be accepted.
 */
contract EHRLedgerInvariantTest is EHRLedgerHandler {
    uint256 internal constant MIN_ACCEPTED_PERCENT_PER_RUN = 40;

    function setUp() public {
        _setUpHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(this);
    }

    /// @dev The handler's actions; grants, rotations and new records count twice, so that keys keep up
    /// with revocations and the record log grows.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = EHRLedgerHandler.register.selector;
        selectors[1] = EHRLedgerHandler.setStatus.selector;
        selectors[2] = EHRLedgerHandler.grant.selector;
        selectors[3] = EHRLedgerHandler.grant.selector;
        selectors[4] = EHRLedgerHandler.revoke.selector;
        selectors[5] = EHRLedgerHandler.rotate.selector;
        selectors[6] = EHRLedgerHandler.rotate.selector;
        selectors[7] = EHRLedgerHandler.addRecord.selector;
        selectors[8] = EHRLedgerHandler.addRecord.selector;
        selectors[9] = EHRLedgerHandler.amend.selector;
        selectors[10] = EHRLedgerHandler.retract.selector;
        selectors[11] = EHRLedgerHandler.logAccess.selector;
        selectors[12] = EHRLedgerHandler.warp.selector;
        selectors[13] = EHRLedgerHandler.pauseOrUnpause.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(this), selectors);
    }

    /// @dev After every run: inputs are bounded well enough that most calls succeed, so the
    /// invariants are checked against a ledger that actually moves. Deliberately invalid calls and
    /// unlucky pauses make a single run of 256 calls vary; {test_handler_...} checks the average.
    function afterInvariant() public view {
        assertGe(_totalAccepted() * 100, calls * MIN_ACCEPTED_PERCENT_PER_RUN, "too few of the handler's calls succeeded");
    }

    // ---- invariants ------------------------------------------------------------------------------
    // Each invariant function runs its own campaign of runs x depth handler calls and is checked
    // after every call, so the properties are grouped into four campaigns to keep the suite fast.

    /// @dev (a) and (f): who can access what.
    function invariant_access_onlyThroughLiveGrantsOfActivePartiesWhileRunning() public view {
        _assertAccessImpliesLiveGrantActivePartiesAndNoPause();
        _assertPatientsReachTheirOwnRecordsWhileActiveAndRunning();
        _assertEveryOutcomeMatchesTheModel();
    }

    /// @dev (c) and (d): grants change only through their patient, kinds only through registration.
    function invariant_grantsAndKinds_changeOnlyThroughTheirOwners() public view {
        _assertGrantsChangeOnlyThroughTheirPatient();
        _assertKindsSetOnceByRegistrationOnly();
        _assertEveryOutcomeMatchesTheModel();
    }

    /// @dev (b), (e), R4 and R5: epochs and records only grow, and never under a key that must rotate.
    function invariant_keysAndRecords_growAndRespectRotation() public view {
        _assertEpochsAndRecordCountsNeverDecrease();
        _assertPendingRotationBlocksRecords();
        _assertNoRecordUnderAKeyAFormerHolderKnows();
        _assertStaleEpochsAndUnauthorisedReceiptsNeverAccepted();
        _assertEveryOutcomeMatchesTheModel();
    }

    // ---- the handler itself ----------------------------------------------------------------------

    /// @dev A fixed pseudo-random sequence of the fuzzer's weighted actions: most calls succeed, every
    /// action succeeds many times, and the ledger agrees with the model throughout.
    function test_handler_randomActions_mostlySucceedAndMatchTheModel() public {
        bytes4[] memory selectors = targetSelectors()[0].selectors;
        uint256 seed = 0x4548524c;
        for (uint256 i = 0; i < HANDLER_TEST_CALLS; ++i) {
            seed = uint256(keccak256(abi.encode(seed)));
            _callAction(selectors[seed % selectors.length], seed);
        }
        assertEq(calls, HANDLER_TEST_CALLS, "every call reached the handler");
        assertGe(_totalAccepted() * 100, calls * 55, "at least 55% of the calls succeed");
        for (uint256 a = 0; a < ACTION_COUNT; ++a) {
            assertGe(accepted[a], a == uint256(Action.Register) ? 2 : 20, "every action succeeds repeatedly");
        }
        assertGe(staleAttempts, 10, "stale epochs are tried");
        _assertEveryPairsAccessImpliesLiveGrant();
        _assertPatientsReachTheirOwnRecordsWhileActiveAndRunning();
        _assertGrantsChangeOnlyThroughTheirPatient();
        _assertKindsSetOnceByRegistrationOnly();
        _assertEpochsAndRecordCountsNeverDecrease();
        _assertPendingRotationBlocksRecords();
        _assertNoRecordUnderAKeyAFormerHolderKnows();
        _assertStaleEpochsAndUnauthorisedReceiptsNeverAccepted();
        _assertEveryOutcomeMatchesTheModel();
    }

    uint256 internal constant HANDLER_TEST_CALLS = 1_024;

    function _callAction(bytes4 selector, uint256 seed) internal {
        uint256 a = uint256(keccak256(abi.encode(seed, 1)));
        uint256 b = uint256(keccak256(abi.encode(seed, 2)));
        uint256 c = uint256(keccak256(abi.encode(seed, 3)));
        uint256 d = uint256(keccak256(abi.encode(seed, 4)));
        if (selector == this.register.selector) this.register(a);
        else if (selector == this.setStatus.selector) this.setStatus(a, b);
        else if (selector == this.grant.selector) this.grant(a, b, uint8(c), uint8(c >> 8), d);
        else if (selector == this.revoke.selector) this.revoke(a, b);
        else if (selector == this.rotate.selector) this.rotate(a, uint8(b), c, d, d >> 128);
        else if (selector == this.addRecord.selector) this.addRecord(a, uint8(b), c, d);
        else if (selector == this.amend.selector) this.amend(a, b, c);
        else if (selector == this.retract.selector) this.retract(a, b, c);
        else if (selector == this.logAccess.selector) this.logAccess(a, b, c);
        else if (selector == this.warp.selector) this.warp(a % 1 days);
        else this.pauseOrUnpause(a);
    }

    // ---- properties ------------------------------------------------------------------------------

    function _assertEveryOutcomeMatchesTheModel() internal view {
        if (surprises != 0) {
            revert(string.concat(Strings.toString(surprises), " outcome(s) differ from the model, first: ",
                firstSurprise));
        }
    }

    // ---- (a) hasAccess implies an unexpired covering grant, two active parties and no pause ----------

    /// @dev Each check covers one (patient, cast member) pair in turn, every category, read and write,
    /// against the stored grant and statuses and against the model; over a run every pair comes up
    /// several times. The handler also checks each action's outcome against the model.
    function _assertAccessImpliesLiveGrantActivePartiesAndNoPause() internal view {
        uint256 pair = calls % (patients.length * cast.length);
        _assertAccessOfPairImpliesLiveGrant(patients[pair / cast.length], cast[pair % cast.length]);
    }

    function _assertAccessOfPairImpliesLiveGrant(address owner, address grantee) internal view {
        bool running = !ledger.paused();
        IConsent.Grant memory stored = ledger.grantOf(owner, grantee);
        bool unexpired = stored.expiresAt == 0 || _now() < stored.expiresAt;
        bool partiesActive = ledger.isActive(owner) && ledger.isActive(grantee);
        for (uint8 c = 0; c < 8; ++c) {
            for (uint256 w = 0; w < 2; ++w) {
                bool write = w == 1;
                bool has = ledger.hasAccess(owner, grantee, c, write);
                if (has && grantee != owner) {
                    uint8 scope = write ? stored.writeScope : stored.readScope;
                    assertTrue((scope >> c) & 1 == 1, "access without a grant covering the category");
                    assertTrue(unexpired, "access under an expired grant");
                    assertTrue(partiesActive, "access while a party is suspended");
                    assertTrue(running, "access while paused");
                }
                assertEq(has, _modelHasAccess(owner, grantee, c, write), "hasAccess differs from the model");
            }
        }
    }

    /// @dev The whole matrix, for the deterministic handler test.
    function _assertEveryPairsAccessImpliesLiveGrant() internal view {
        for (uint256 p = 0; p < patients.length; ++p) {
            for (uint256 i = 0; i < cast.length; ++i) _assertAccessOfPairImpliesLiveGrant(patients[p], cast[i]);
        }
    }

    // ---- (b) epochs and record counts never decrease ----------------------------------------------

    /// @dev The model's epochs and counts only ever grow; the ledger must equal them at all times.
    function _assertEpochsAndRecordCountsNeverDecrease() internal view {
        for (uint256 p = 0; p < patients.length; ++p) {
            address owner = patients[p];
            for (uint8 c = 0; c < 8; ++c) {
                assertEq(ledger.scopeKeyState(owner, c).epoch, modelEpoch[owner][c], "epoch");
            }
            uint256 count = modelRecordCount[owner];
            assertEq(ledger.recordCount(owner), count, "recordCount");
            if (count != 0) {
                IRecordLog.RecordStatus newest = ledger.record(owner, count).status;
                assertTrue(newest == IRecordLog.RecordStatus.Active || newest == IRecordLog.RecordStatus.Retracted,
                    "the newest record is never superseded");
            }
            assertTrue(ledger.record(owner, count + 1).status == IRecordLog.RecordStatus.None, "no record past the count");
        }
    }

    // ---- (c) only the patient changes their own grants ---------------------------------------------

    function _assertGrantsChangeOnlyThroughTheirPatient() internal view {
        assertEq(grantChangesByNonPatients, 0, "a grant changed by someone who is not an active patient");
        for (uint256 p = 0; p < patients.length; ++p) {
            address owner = patients[p];
            for (uint256 i = 0; i < cast.length; ++i) {
                address grantee = cast[i];
                IConsent.Grant memory stored = ledger.grantOf(owner, grantee);
                ModelGrant memory model = modelGrants[owner][grantee];
                assertEq(stored.readScope, model.readScope, "readScope differs from the patient's own grants");
                assertEq(stored.writeScope, model.writeScope, "writeScope differs from the patient's own grants");
                assertEq(stored.expiresAt, model.expiresAt, "expiresAt differs from the patient's own grants");
            }
        }
    }

    // ---- (d) kinds are set once, by registration only ----------------------------------------------

    function _assertKindsSetOnceByRegistrationOnly() internal view {
        assertEq(kindChangesOutsideRegistration, 0, "a kind was set twice or by a non-registrar");
        for (uint256 i = 0; i < cast.length; ++i) {
            address account = cast[i];
            assertTrue(ledger.kindOf(account) == modelKind[account], "kind differs from its registration");
        }
        assertTrue(ledger.kindOf(ledger.defaultAdmin()) == IParticipantRegistry.Kind.None,
            "the admin became a participant");
    }

    // ---- (e) a category awaiting rotation never receives a record ----------------------------------

    function _assertPendingRotationBlocksRecords() internal view {
        assertEq(recordsAcceptedWhileRotationRequired, 0, "record accepted while rotationRequired was true");
        assertEq(recordsAcceptedWhilePending, 0, "record accepted while a removed reader held the key");
        for (uint256 p = 0; p < patients.length; ++p) {
            address owner = patients[p];
            uint8 pending = modelPending[owner];
            for (uint8 c = 0; c < 8; ++c) {
                if ((pending >> c) & 1 == 1) {
                    assertTrue(ledger.rotationRequired(owner, c), "a pending rotation was forgotten");
                }
            }
        }
    }

    // ---- (f) R3: a patient always reaches their own records while active and unpaused ------------------

    function _assertPatientsReachTheirOwnRecordsWhileActiveAndRunning() internal view {
        bool running = !ledger.paused();
        for (uint256 p = 0; p < patients.length; ++p) {
            address owner = patients[p];
            bool expected = running && ledger.kindOf(owner) == IParticipantRegistry.Kind.Patient &&
                ledger.isActive(owner);
            for (uint8 c = 0; c < 8; ++c) {
                assertEq(ledger.hasAccess(owner, owner, c, false), expected, "patient's own read access");
                assertEq(ledger.hasAccess(owner, owner, c, true), expected, "patient's own write access");
            }
        }
    }

    // ---- R4/R5: keys and epochs --------------------------------------------------------------------

    /// @dev Whoever learned the current key (a wrap, a grant, or making the key) and has since lost
    /// its grant (expired, revoked, dropped) must not be able to read new records.
    function _assertNoRecordUnderAKeyAFormerHolderKnows() internal view {
        assertEq(recordsAcceptedUnderAFormerHoldersKey, 0,
            "record accepted under a key known to someone whose grant has ended");
    }

    function _assertStaleEpochsAndUnauthorisedReceiptsNeverAccepted() internal view {
        assertEq(staleEpochsAccepted, 0, "a stale or future epoch was accepted");
        assertEq(readReceiptsWithoutAccess, 0, "a read receipt was accepted without read access");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IConsent} from "../../../contracts/interfaces/IConsent.sol";

import {LedgerFixture} from "../utils/LedgerFixture.sol";
import {vm} from "../utils/Vm.sol";

/**
 * @dev Grants, revocations, expiries, suspensions and pauses against a plain model of hasAccess:
 * access needs an unexpired grant covering the category (its write scope for writing), both parties
 * active and the system running; a patient always reaches their own records while active.
 */
contract ConsentFuzzTest is LedgerFixture {
    struct ModelGrant {
        uint8 readScope;
        uint8 writeScope;
        uint40 expiresAt;
    }

    address[] internal accounts;
    mapping(address account => ModelGrant) internal modelGrants;
    mapping(address account => bool) internal modelSuspended;
    bool internal modelPaused;

    function setUp() public {
        _deployWorld();
        _initAllScopeKeys(patient);
        accounts = [doctor, doctor2, lab, hospital, insurer, caregiver, auditor, stranger, patient];
    }

    // ---- the model -------------------------------------------------------------------------------

    function _isWriterKind(address account) internal view returns (bool) {
        return account == doctor || account == doctor2 || account == lab || account == hospital;
    }

    function _isGrantee(address account) internal view returns (bool) {
        return account != auditor && account != stranger && account != patient;
    }

    function _modelHasAccess(address grantee, uint8 category, bool write) internal view returns (bool) {
        if (modelPaused || modelSuspended[patient]) return false;
        if (grantee == patient) return true;
        ModelGrant memory g = modelGrants[grantee];
        uint8 scope = write ? g.writeScope : g.readScope;
        if ((scope >> category) & 1 == 0) return false;
        if (g.expiresAt != 0 && _now() >= g.expiresAt) return false;
        return !modelSuspended[grantee];
    }

    function _assertMatchesModel(address grantee) internal view {
        for (uint8 category = 0; category < 8; ++category) {
            assertEq(ledger.hasAccess(patient, grantee, category, false), _modelHasAccess(grantee, category, false),
                "hasAccess(read) differs from the model");
            assertEq(ledger.hasAccess(patient, grantee, category, true), _modelHasAccess(grantee, category, true),
                "hasAccess(write) differs from the model");
        }
    }

    function _assertEveryAccountMatchesModel() internal view {
        for (uint256 i = 0; i < accounts.length; ++i) _assertMatchesModel(accounts[i]);
    }

    // ---- actions ---------------------------------------------------------------------------------

    /// @dev A valid grant for `grantee` built from raw fuzz input: non-empty scope, write only for
    /// writers, and an expiry that is either none or in the future.
    function _validGrant(address grantee, uint8 readScope, uint8 writeScope, uint256 expirySeed)
        internal
        view
        returns (ModelGrant memory g)
    {
        if (!_isWriterKind(grantee)) writeScope = 0;
        if ((readScope | writeScope) == 0) readScope = uint8(1 << (expirySeed % 8));
        g.readScope = readScope | writeScope;
        g.writeScope = writeScope;
        if (expirySeed % 3 != 0) g.expiresAt = uint40(_now() + bound(expirySeed >> 8, 1, 365 days));
    }

    function _doGrant(address grantee, ModelGrant memory g) internal {
        _grant(patient, grantee, g.readScope, g.writeScope, g.expiresAt);
        modelGrants[grantee] = g;
    }

    function _pick(uint256 seed) internal view returns (address) {
        return accounts[seed % accounts.length];
    }

    function _pickGrantee(uint256 seed) internal view returns (address) {
        return accounts[seed % 6];
    }

    // ---- fuzz tests ------------------------------------------------------------------------------

    function testFuzz_grantThenWarp_hasAccessMatchesModel(
        uint256 granteeSeed,
        uint8 readScope,
        uint8 writeScope,
        uint256 expirySeed,
        uint256 warpBy
    ) public {
        address grantee = _pickGrantee(granteeSeed);
        _doGrant(grantee, _validGrant(grantee, readScope, writeScope, expirySeed));
        _assertEveryAccountMatchesModel();
        vm.warp(_now() + bound(warpBy, 0, 400 days));
        _assertEveryAccountMatchesModel();
    }

    /// @dev Expiry boundary: access holds one second before `expiresAt` and ends exactly at it.
    function testFuzz_grantWithExpiry_endsExactlyAtExpiry(uint256 granteeSeed, uint8 scope, uint256 lifetime) public {
        address grantee = _pickGrantee(granteeSeed);
        vm.assume(scope != 0);
        uint40 expiresAt = uint40(_now() + bound(lifetime, 1, 10 * 365 days));
        _grant(patient, grantee, scope, 0, expiresAt);
        uint8 category = uint8(lifetime % 8);
        bool covered = (scope >> category) & 1 == 1;
        vm.warp(expiresAt - 1);
        assertEq(ledger.hasAccess(patient, grantee, category, false), covered, "one second before the expiry");
        vm.warp(expiresAt);
        assertFalse(ledger.hasAccess(patient, grantee, category, false), "at the expiry");
    }

    function testFuzz_grant_expiryNotInTheFuture_reverts(uint256 granteeSeed, uint256 age) public {
        address grantee = _pickGrantee(granteeSeed);
        uint40 expiresAt = uint40(_now() - bound(age, 0, _now() - 1));
        IConsent.GrantInput[] memory inputs = _inputs(_input(grantee, 0x01, 0, expiresAt));
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentExpiryInPast.selector, expiresAt, _now()));
        ledger.grant(inputs);
    }

    function testFuzz_grant_wrongWrapCount_reverts(uint8 scope, uint256 wrapCount) public {
        vm.assume(scope != 0);
        uint256 expected = _wraps(scope).length;
        wrapCount = bound(wrapCount, 0, 9);
        vm.assume(wrapCount != expected);
        IConsent.GrantInput memory input = _input(doctor, scope, 0, 0);
        input.scopeKeyWraps = new bytes[](wrapCount);
        for (uint256 i = 0; i < wrapCount; ++i) input.scopeKeyWraps[i] = _wrap(1);
        IConsent.GrantInput[] memory inputs = _inputs(input);
        vm.prank(patient);
        vm.expectRevert(abi.encodeWithSelector(IConsent.ConsentWrapCountMismatch.selector, doctor, expected, wrapCount));
        ledger.grant(inputs);
    }

    function testFuzz_regrant_marksExactlyTheDroppedCategoriesPending(uint8 first, uint8 second) public {
        vm.assume(first != 0 && second != 0);
        _grant(patient, insurer, first, 0, 0);
        _grant(patient, insurer, second, 0, 0);
        uint8 dropped = first & ~second;
        for (uint8 category = 0; category < 8; ++category) {
            assertEq(ledger.scopeKeyState(patient, category).rotationPending, (dropped >> category) & 1 == 1,
                "pending exactly where the re-grant dropped a category");
        }
    }

    function testFuzz_revoke_endsAccessAndMarksItsReadScopePending(uint8 readScope, uint8 writeScope) public {
        vm.assume((readScope | writeScope) != 0);
        _grant(patient, lab, readScope, writeScope, 0);
        _revoke(patient, lab);
        uint8 scope = readScope | writeScope;
        for (uint8 category = 0; category < 8; ++category) {
            assertFalse(ledger.hasAccess(patient, lab, category, false), "no access after revoke");
            assertEq(ledger.rotationRequired(patient, category), (scope >> category) & 1 == 1,
                "rotation required exactly for the revoked categories");
        }
    }

    /// @dev Random sequences of grants, revocations, time travel, suspensions and pauses.
    function testFuzz_actionSequence_hasAccessMatchesModel(uint256 seed) public {
        for (uint256 step = 0; step < 12; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            uint256 action = seed % 8;
            if (action <= 2) {
                address grantee = _pickGrantee(seed >> 8);
                if (modelPaused || modelSuspended[patient] || modelSuspended[grantee]) continue;
                _doGrant(grantee, _validGrant(grantee, uint8(seed >> 16), uint8(seed >> 24), seed >> 32));
            } else if (action == 3) {
                address grantee = _pick(seed >> 8);
                if (modelPaused || modelSuspended[patient]) continue;
                if (grantee == patient) continue;
                _revoke(patient, grantee);
                delete modelGrants[grantee];
            } else if (action == 4) {
                vm.warp(_now() + bound(seed >> 8, 1, 60 days));
            } else if (action == 5 || action == 6) {
                address account = _pick(seed >> 8);
                if (account == stranger) continue;
                vm.prank(admin);
                if (modelSuspended[account]) ledger.reactivate(account);
                else ledger.suspend(account);
                modelSuspended[account] = !modelSuspended[account];
            } else {
                vm.prank(admin);
                if (modelPaused) ledger.unpause();
                else ledger.pause();
                modelPaused = !modelPaused;
            }
            _assertMatchesModel(_pick(seed >> 40));
            _assertMatchesModel(patient);
        }
        _assertEveryAccountMatchesModel();
    }
}

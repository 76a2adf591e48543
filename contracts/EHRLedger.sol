// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";

import {IConsent} from "./interfaces/IConsent.sol";
import {IParticipantRegistry} from "./interfaces/IParticipantRegistry.sol";
import {IRecordLog} from "./interfaces/IRecordLog.sol";
import {IScopeKeys} from "./interfaces/IScopeKeys.sol";
import {RecordLog} from "./records/RecordLog.sol";

/**
 * @title EHR Ledger
 * @notice One deployment holds the registry, consent, scope keys and the record log, so that an
 * access check never pays for a call between contracts. {multicall} lets a client start a key epoch
 * and use it (grant, add a record) in one transaction.
 */
contract EHRLedger is RecordLog, Multicall {
    /**
     * @param initialAdmin Registers participants, suspends them and pauses the system.
     * @param adminTransferDelay Seconds a new admin must wait before accepting the role.
     */
    constructor(address initialAdmin, uint48 adminTransferDelay)
        AccessControlDefaultAdminRules(adminTransferDelay, initialAdmin)
    {}

    /// @inheritdoc AccessControlDefaultAdminRules
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IParticipantRegistry).interfaceId ||
            interfaceId == type(IConsent).interfaceId ||
            interfaceId == type(IScopeKeys).interfaceId ||
            interfaceId == type(IRecordLog).interfaceId ||
            super.supportsInterface(interfaceId);
    }
}

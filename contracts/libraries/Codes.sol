// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Coded values: purposes of use and reasons
 * @notice Free text never goes on chain; these codes replace it. Values map to HL7 v3 codes so the
 * audit log can be exported as FHIR AuditEvent / Consent resources.
 *
 * Purpose of use (`purposeCode`, HL7 v3 PurposeOfUse):
 * | code | meaning                    | HL7     |
 * |------|----------------------------|---------|
 * | 0    | treatment                  | TREAT   |
 * | 1    | emergency treatment        | ETREAT  |
 * | 2    | payment / claims           | HPAYMT  |
 * | 3    | healthcare operations      | HOPERAT |
 * | 4    | care coordination          | CAREMGT |
 * | 5    | patient's own request      | PATRQT  |
 * | 6    | family / caregiver         | FAMRQT  |
 * | 7    | research (with consent)    | HRESCH  |
 * | 8    | legal / compliance audit   | HCOMPL  |
 *
 * Reason a record is retracted (`reasonCode`):
 * | 0 entered in error | 1 wrong patient | 2 duplicate | 3 superseded outside the ledger |
 *
 * Reason a patient denies an access request (`reasonCode`):
 * | 0 no reason given | 1 not my provider | 2 scope too broad | 3 purpose not accepted |
 */
library Codes {
    uint8 internal constant PURPOSE_MAX = 8;
    uint8 internal constant RETRACT_REASON_MAX = 3;
    uint8 internal constant DENY_REASON_MAX = 3;
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/**
 * @title Record categories and the scope bitmasks built from them
 * @notice Consent is given per category. A scope is a `uint8` bitmask: bit `c` set means category `c`.
 *
 * | id | category          | typical FHIR content                                   |
 * |----|-------------------|--------------------------------------------------------|
 * | 0  | General notes     | Encounter, Condition, ClinicalImpression, notes        |
 * | 1  | Lab results       | Observation (laboratory), DiagnosticReport              |
 * | 2  | Imaging           | ImagingStudy, DiagnosticReport (imaging), DICOM files  |
 * | 3  | Prescriptions     | MedicationRequest, MedicationAdministration            |
 * | 4  | Billing & claims  | Claim, ExplanationOfBenefit, Coverage                  |
 * | 5  | Mental health     | any resource under 42 CFR Part 2 style protection      |
 * | 6  | Genomics          | MolecularSequence, genetic DiagnosticReport            |
 * | 7  | Patient-reported  | QuestionnaireResponse, symptoms, uploads by the patient |
 */
library Categories {
    uint8 internal constant GENERAL_NOTES = 0;
    uint8 internal constant LAB_RESULTS = 1;
    uint8 internal constant IMAGING = 2;
    uint8 internal constant PRESCRIPTIONS = 3;
    uint8 internal constant BILLING_CLAIMS = 4;
    uint8 internal constant MENTAL_HEALTH = 5;
    uint8 internal constant GENOMICS = 6;
    uint8 internal constant PATIENT_REPORTED = 7;

    /// @dev Number of categories; every `uint8` scope is a valid combination of them.
    uint8 internal constant COUNT = 8;

    function isValid(uint8 category) internal pure returns (bool) {
        return category < COUNT;
    }

    function bit(uint8 category) internal pure returns (uint8) {
        return uint8(1 << category);
    }

    function covers(uint8 scope, uint8 category) internal pure returns (bool) {
        return (scope >> category) & 1 == 1;
    }

    function count(uint8 scope) internal pure returns (uint256 n) {
        while (scope != 0) {
            scope &= scope - 1;
            unchecked {
                // At most 8 iterations: each clears one of 8 bits.
                ++n;
            }
        }
    }
}

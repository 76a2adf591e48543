// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Categories} from "../../../contracts/libraries/Categories.sol";

import {Assertions} from "../utils/Assertions.sol";

contract CategoriesTest is Assertions {
    function test_constants_matchTheDocumentedTable() public pure {
        assertEq(Categories.GENERAL_NOTES, 0, "GENERAL_NOTES");
        assertEq(Categories.LAB_RESULTS, 1, "LAB_RESULTS");
        assertEq(Categories.IMAGING, 2, "IMAGING");
        assertEq(Categories.PRESCRIPTIONS, 3, "PRESCRIPTIONS");
        assertEq(Categories.BILLING_CLAIMS, 4, "BILLING_CLAIMS");
        assertEq(Categories.MENTAL_HEALTH, 5, "MENTAL_HEALTH");
        assertEq(Categories.GENOMICS, 6, "GENOMICS");
        assertEq(Categories.PATIENT_REPORTED, 7, "PATIENT_REPORTED");
        assertEq(Categories.COUNT, 8, "COUNT");
    }

    function test_isValid_belowCount_true() public pure {
        for (uint8 category = 0; category < 8; ++category) {
            assertTrue(Categories.isValid(category), "a category below COUNT is valid");
        }
    }

    function test_isValid_atAndAboveCount_false() public pure {
        assertFalse(Categories.isValid(8), "8 is not a category");
        assertFalse(Categories.isValid(type(uint8).max), "255 is not a category");
    }

    function test_bit_eachCategory_isItsOwnBit() public pure {
        for (uint8 category = 0; category < 8; ++category) {
            assertEq(Categories.bit(category), uint256(1) << category, "bit");
        }
    }

    function test_covers_eachBitOfEveryScope_matchesTheMask() public pure {
        for (uint256 scope = 0; scope < 256; ++scope) {
            for (uint8 category = 0; category < 8; ++category) {
                assertEq(Categories.covers(uint8(scope), category), (scope >> category) & 1 == 1, "covers");
            }
        }
    }

    function test_covers_invalidCategory_neverCovered() public pure {
        assertFalse(Categories.covers(0xff, 8), "category 8 is outside every scope");
        assertFalse(Categories.covers(0xff, 200), "category 200 is outside every scope");
    }

    function test_count_everyScope_equalsItsPopulationCount() public pure {
        for (uint256 scope = 0; scope < 256; ++scope) {
            uint256 expected = 0;
            for (uint256 b = 0; b < 8; ++b) expected += (scope >> b) & 1;
            assertEq(Categories.count(uint8(scope)), expected, "count");
        }
    }

    function test_count_emptyAndFullScope_zeroAndEight() public pure {
        assertEq(Categories.count(0), 0, "empty scope");
        assertEq(Categories.count(0xff), 8, "full scope");
    }
}

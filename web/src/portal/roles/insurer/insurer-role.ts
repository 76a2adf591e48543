import { CATEGORY_NAMES } from "../../../core/chain/categories.js";
import type { ProviderRole } from "../../providers/provider-role.js";

const PAYMENT_AND_CLAIMS = 2;

/** An insurer reads billing and claims only, for payment; it adds nothing (the contract lets insurers only read). */
export const INSURER_ROLE: ProviderRole = {
  role: "insurer",
  basePath: "/insurer",
  onlyCategories: [CATEGORY_NAMES.indexOf("billing and claims")],
  kinds: [],
  readPurpose: PAYMENT_AND_CLAIMS,
  patientsTitle: "Shared with us",
  patientsIntro: "Patients who share their billing and claims with you.",
};

import { CATEGORY_NAMES } from "../../../core/chain/categories.js";
import type { ProviderRole } from "../../providers/provider-role.js";

const TREATMENT = 0;

/** A laboratory looks at lab results only and adds lab results. */
export const LAB_ROLE: ProviderRole = {
  role: "lab",
  basePath: "/lab",
  onlyCategories: [CATEGORY_NAMES.indexOf("lab results")],
  kinds: ["lab-result"],
  readPurpose: TREATMENT,
  patientsTitle: "My patients",
  patientsIntro: "Patients who share their lab results with you; those who let you add lab results can get new ones from you.",
};

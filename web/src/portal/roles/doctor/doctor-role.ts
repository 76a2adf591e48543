import type { ProviderRole } from "../../providers/provider-role.js";

const TREATMENT = 0;

/** A doctor looks at every category a patient shares, adds notes, results, imaging and prescriptions, and reads for treatment. */
export const DOCTOR_ROLE: ProviderRole = {
  role: "doctor",
  basePath: "/doctor",
  kinds: ["clinical-note", "lab-result", "imaging-report", "prescription"],
  readPurpose: TREATMENT,
  patientsTitle: "My patients",
  patientsIntro: "Patients who let you see their records, with what they share and for how long.",
};

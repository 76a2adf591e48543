/**
 * The three patients' stories: what each one records, whom they grant what, what their providers
 * add and read. Every name, finding and file is fiction. Dates are relative to the seeding day so
 * the demo always looks recent.
 */
import { buildBillingClaim } from "../../web/src/core/clinical/billing-claim.js";
import { buildClinicalNote } from "../../web/src/core/clinical/clinical-note.js";
import { buildImagingReport } from "../../web/src/core/clinical/imaging-report.js";
import { buildLabResult } from "../../web/src/core/clinical/lab-result.js";
import { buildPrescription, markPrescriptionGiven } from "../../web/src/core/clinical/prescription.js";
import { buildSymptomReport } from "../../web/src/core/clinical/symptom-report.js";
import { chestXrayImage, glucoseDiaryPdf, radiologyReportPdf } from "./attachments.js";
import { add, grant, readWithReceipt, requestAccess, revoke } from "./clinical-actions.js";
import type { DemoStack } from "./stack.js";

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Cardiology: imaging with files, a prescription marked given, a claim shared with the insurer. */
export async function seedPatient1(stack: DemoStack): Promise<void> {
  const symptoms = buildSymptomReport({ symptoms: "Chest tightness when climbing stairs, easing after a few minutes of rest.", onset: daysAgo(21), severity: "moderate", date: daysAgo(14) });
  const symptomsId = await add(stack, "patient1", "patient1", symptoms);
  await grant(stack, "patient1", [
    { grantee: "doctor1", read: ["general notes", "lab results", "imaging", "prescriptions", "patient-reported data"], write: ["general notes", "imaging", "prescriptions"], days: 180 },
    { grantee: "lab", read: ["lab results"], write: ["lab results"], days: 90 },
    { grantee: "hospital", read: ["billing and claims"], write: ["billing and claims"], days: 365 },
    { grantee: "insurer", read: ["billing and claims"], days: 365 },
  ]);
  await readWithReceipt(stack, "doctor1", "patient1", symptomsId, "treatment");
  await add(
    stack,
    "doctor1",
    "patient1",
    buildClinicalNote({
      title: "Cardiology consultation",
      text: "Exertional chest tightness for three weeks, no pain at rest. Blood pressure 138/86, heart rate 74, regular.\n\nECG: sinus rhythm, no ischaemic changes.\n\nPlan: lipid panel, chest X-ray, start a statin, review in six weeks.",
      date: daysAgo(10),
    }),
  );
  const lipidsId = await add(
    stack,
    "lab",
    "patient1",
    buildLabResult({ test: "LDL cholesterol", loincCode: "13457-7", value: 162, unit: "mg/dL", referenceRange: { high: 130 }, interpretation: "high", date: daysAgo(9) }),
  );
  await add(
    stack,
    "doctor1",
    "patient1",
    buildImagingReport({ modality: "X-ray", bodySite: "chest", conclusion: "No acute cardiopulmonary abnormality. Heart size within normal limits.", date: daysAgo(9) }),
    { attachments: [chestXrayImage(), radiologyReportPdf()] },
  );
  const statin = buildPrescription({ medication: "Atorvastatin 20 mg tablet", dosage: "1 tablet once daily in the evening", quantity: 30, date: daysAgo(8) });
  const statinId = await add(stack, "doctor1", "patient1", statin);
  await add(stack, "doctor1", "patient1", markPrescriptionGiven(statin, { givenAt: `${daysAgo(7)}T18:00:00Z` }), { supersedes: statinId });
  const claimId = await add(stack, "hospital", "patient1", buildBillingClaim({ service: "Cardiology consultation and chest X-ray", amount: 240, currency: "EUR", date: daysAgo(8) }));
  await readWithReceipt(stack, "doctor1", "patient1", lipidsId, "treatment");
  await readWithReceipt(stack, "insurer", "patient1", claimId, "payment and claims");
}

/** General practice: a patient's own file, a pending prescription, and a doctor revoked midway. */
export async function seedPatient2(stack: DemoStack): Promise<void> {
  const symptoms = buildSymptomReport({ symptoms: "More thirsty than usual and tired after meals for several weeks.", onset: daysAgo(30), severity: "mild", date: daysAgo(6) });
  const symptomsId = await add(stack, "patient2", "patient2", symptoms, { attachments: [glucoseDiaryPdf()] });
  await grant(stack, "patient2", [
    { grantee: "doctor1", read: ["general notes", "lab results", "prescriptions"], write: ["general notes", "prescriptions"], days: 180 },
    { grantee: "doctor2", read: ["general notes", "lab results", "patient-reported data"], write: ["general notes"], days: 180 },
    { grantee: "lab", read: ["lab results"], write: ["lab results"], days: 90 },
    { grantee: "insurer", read: ["billing and claims"], days: 365 },
  ]);
  await readWithReceipt(stack, "doctor2", "patient2", symptomsId, "treatment");
  await add(
    stack,
    "doctor2",
    "patient2",
    buildClinicalNote({ title: "General practice visit", text: "Polydipsia and fatigue; home fasting glucose 6.8–7.6 mmol/L.\n\nPlan: HbA1c, refer to Dr. Okafor's clinic for follow-up.", date: daysAgo(5) }),
  );
  const hba1cId = await add(
    stack,
    "lab",
    "patient2",
    buildLabResult({ test: "HbA1c", loincCode: "4548-4", value: 7.1, unit: "%", referenceRange: "4.0–5.6 %", interpretation: "high", date: daysAgo(4) }),
  );
  await add(stack, "doctor1", "patient2", buildPrescription({ medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily with meals", quantity: 60, date: daysAgo(3) }));
  await readWithReceipt(stack, "doctor1", "patient2", hba1cId, "treatment");
  await revoke(stack, "patient2", "doctor2");
  await add(
    stack,
    "doctor1",
    "patient2",
    buildClinicalNote({ title: "Diabetes follow-up plan", text: "Type 2 diabetes confirmed (HbA1c 7.1 %). Metformin started; diet and activity advice given.\n\nReview with repeat HbA1c in three months.", date: daysAgo(2) }),
  );
}

/** A new patient: her own symptom report, one doctor with access, another still asking. */
export async function seedPatient3(stack: DemoStack): Promise<void> {
  const symptoms = buildSymptomReport({ symptoms: "Sneezing and itchy eyes, worse outdoors in the mornings.", onset: daysAgo(12), severity: "mild", date: daysAgo(3) });
  const symptomsId = await add(stack, "patient3", "patient3", symptoms);
  await grant(stack, "patient3", [{ grantee: "doctor1", read: ["general notes", "patient-reported data"], write: ["general notes"], days: 30 }]);
  await readWithReceipt(stack, "doctor1", "patient3", symptomsId, "treatment");
  await add(
    stack,
    "doctor1",
    "patient3",
    buildClinicalNote({ title: "Allergy advice", text: "Seasonal allergic rhinoconjunctivitis likely.\n\nAdvised a daily non-sedating antihistamine and saline rinses; return if wheezing.", date: daysAgo(1) }),
  );
  await requestAccess(stack, "doctor2", "patient3", ["general notes", "lab results"], ["general notes"], "treatment");
}

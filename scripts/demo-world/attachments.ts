/** The demo world's files: a generated chest X-ray image and two small PDF reports, all fiction. */
import { ownBytes } from "../../web/src/core/bytes.js";
import { attachmentFromBlob, type AttachmentSource } from "../../web/src/core/records/attachment-source.js";
import { textPdf } from "./pdf.js";
import { grayscalePng } from "./png.js";

function attachment(bytes: Uint8Array, title: string, contentType: string): AttachmentSource {
  return attachmentFromBlob(new Blob([ownBytes(bytes)], { type: contentType }), title);
}

/** Two dark lung fields in a bright chest with faint ribs: recognisably an X-ray at a glance. */
export function chestXrayImage(): AttachmentSource {
  const size = 192;
  const png = grayscalePng(size, size, (x, y) => {
    const u = (x - size / 2) / (size / 2);
    const v = (y - size / 2) / (size / 2);
    const body = 170 * Math.exp(-(u * u * 1.2 + v * v * 0.6));
    const lung = (cx: number) => Math.exp(-(((u - cx) / 0.32) ** 2 + ((v + 0.05) / 0.55) ** 2));
    const ribs = 12 * Math.max(0, Math.sin(v * 22)) * (lung(-0.38) + lung(0.38));
    return 20 + body - 110 * (lung(-0.38) + lung(0.38)) + ribs;
  });
  return attachment(png, "chest-xray.png", "image/png");
}

export function radiologyReportPdf(): AttachmentSource {
  const pdf = textPdf("Radiology report (demo)", [
    "Examination: chest X-ray, PA and lateral.",
    "Findings: lungs clear, no effusion, no pneumothorax.",
    "Heart size within normal limits.",
    "Conclusion: no acute cardiopulmonary abnormality.",
    "This document is fictional demo data.",
  ]);
  return attachment(pdf, "radiology-report.pdf", "application/pdf");
}

export function glucoseDiaryPdf(): AttachmentSource {
  const pdf = textPdf("Home glucose diary (demo)", [
    "Week 1: fasting 6.8, 7.1, 6.9, 7.4 mmol/L",
    "Week 2: fasting 7.2, 7.0, 7.6, 7.3 mmol/L",
    "Notes: more thirsty in the evenings; tired after lunch.",
    "This document is fictional demo data.",
  ]);
  return attachment(pdf, "home-glucose-diary.pdf", "application/pdf");
}

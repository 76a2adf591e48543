/** A minimal one-page PDF of plain lines (Helvetica, ASCII), enough for the demo world's report files. */

function pdfString(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError("the demo PDF writer takes printable ASCII only");
  return `(${text.replaceAll("\\", "\\\\").replaceAll("(", "\\(").replaceAll(")", "\\)")})`;
}

export function textPdf(title: string, lines: readonly string[]): Uint8Array {
  const text = [`BT /F1 16 Tf 72 770 Td ${pdfString(title)} Tj ET`, ...lines.map((line, i) => `BT /F1 11 Tf 72 ${740 - 16 * i} Td ${pdfString(line)} Tj ET`)].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  // Everything is ASCII, so string lengths are byte offsets.
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

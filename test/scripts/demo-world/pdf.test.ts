import { describe, expect, it } from "vitest";

import { textPdf } from "../../../scripts/demo-world/pdf.js";

describe("textPdf", () => {
  const text = new TextDecoder().decode(textPdf("Report (demo)", ["a \\ b", "c)"]));

  it("points every xref entry and startxref at what they name", () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
  });

  it("gives the content stream its exact length and escapes PDF string syntax", () => {
    const [, length, stream] = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text) ?? [];
    expect(stream?.length).toBe(Number(length));
    expect(stream).toContain("(Report \\(demo\\)) Tj");
    expect(stream).toContain("(a \\\\ b) Tj");
    expect(stream).toContain("(c\\)) Tj");
  });

  it("refuses text it cannot encode", () => {
    expect(() => textPdf("Bericht für", [])).toThrowError(RangeError);
  });
});

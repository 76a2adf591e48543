import { describe, expect, it } from "vitest";

import { personaRows, renderPersonasTable } from "../../../scripts/local-chain/personas-table.js";
import { DEMO_MNEMONIC, DEMO_PERSONAS } from "../../../web/src/portal/wallet/demo-personas.js";

describe("personaRows", () => {
  it("derives each persona's anvil dev account and key", () => {
    const rows = personaRows(DEMO_PERSONAS, DEMO_MNEMONIC);
    expect(rows).toHaveLength(DEMO_PERSONAS.length);
    // Anvil's well-known accounts 0 and 9.
    expect(rows[0]).toEqual({
      label: "Consortium admin",
      role: "admin",
      address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      privateKey: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    });
    expect(rows[9]).toMatchObject({
      role: "auditor",
      address: "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
      privateKey: "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    });
  });
});

describe("renderPersonasTable", () => {
  const rows = [
    { label: "Consortium admin", role: "admin", address: "0xA", privateKey: "0x1" },
    { label: "Dr. Amara Okafor", role: "doctor", address: "0xBBBB", privateKey: "0x22" },
  ];

  it("renders a heading and one line per persona, columns aligned", () => {
    expect(renderPersonasTable(rows, "  ")).toBe(
      [
        "  Persona           Role    Address  Private key",
        "  Consortium admin  admin   0xA      0x1",
        "  Dr. Amara Okafor  doctor  0xBBBB   0x22",
      ].join("\n"),
    );
  });

  it("indents every line by four spaces unless told", () => {
    for (const line of renderPersonasTable(rows).split("\n")) expect(line).toMatch(/^ {4}\S/);
  });
});

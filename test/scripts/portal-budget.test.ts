import { describe, expect, it } from "vitest";

import { initialScripts } from "../../scripts/portal-budget.js";

describe("initialScripts", () => {
  it("initialScripts_entryAndPreloads_listsEachOnce", () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-b.js">
      <link rel="modulepreload" crossorigin href="/assets/index-a.js">
      <link rel="stylesheet" href="/assets/index-c.css">`;
    expect(initialScripts(html)).toEqual(["/assets/index-a.js", "/assets/react-b.js"]);
  });

  it("initialScripts_noScripts_isEmpty", () => {
    expect(initialScripts("<html></html>")).toEqual([]);
  });
});

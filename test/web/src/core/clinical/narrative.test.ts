import { describe, expect, it } from "vitest";

import { textToXhtml, xhtmlToText } from "../../../../../web/src/core/clinical/narrative.js";

describe("textToXhtml / xhtmlToText", () => {
  it("textToXhtml makes paragraphs and line breaks and escapes markup", () => {
    expect(textToXhtml('BP 120/80 & stable\r\nno <script> "x"\n\n\nPlan: review')).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>BP 120/80 &amp; stable<br/>no &lt;script&gt; &quot;x&quot;</p><p>Plan: review</p></div>',
    );
  });

  it("xhtmlToText gives back the text textToXhtml was given", () => {
    const text = 'Line one & <two>\nline "three"\n\nSecond paragraph';
    expect(xhtmlToText(textToXhtml(text))).toBe(text);
  });

  it("xhtmlToText reads other systems' narratives: entities, lists, stray tags", () => {
    expect(xhtmlToText('<div><h1>Title</h1><ul><li>a&#160;b</li><li>&#x3b1; &euro; &unknown;</li></ul><span>end</span></div>')).toBe(
      "Title\n\na\u00a0b\n\nα &euro; &unknown;\n\nend",
    );
  });
});

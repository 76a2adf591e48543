import { describe, expect, it } from "vitest";

import { screenshotName } from "../../../scripts/portal-tour/walk.js";
import { demoPersona } from "../../../web/src/portal/wallet/demo-personas.js";

describe("screenshotName", () => {
  it("screenshotName_firstPage_isThePersonaAlone", () => {
    expect(screenshotName(demoPersona("doctor1"), "My patients", true)).toBe("doctor1.png");
  });

  it("screenshotName_laterPage_addsThePageLabelInKebabCase", () => {
    expect(screenshotName(demoPersona("patient1"), "Who accessed my data", false)).toBe("patient1-who-accessed-my-data.png");
    expect(screenshotName(demoPersona("hospital"), "Register doctor or lab", false)).toBe("hospital-register-doctor-or-lab.png");
  });
});

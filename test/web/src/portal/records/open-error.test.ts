import { describe, expect, it } from "vitest";

import { NoScopeKeyError } from "../../../../../web/src/core/scope-keys/errors.js";
import { IpfsIntegrityError } from "../../../../../web/src/core/ipfs/errors.js";
import { RecordManifestError } from "../../../../../web/src/core/records/manifest.js";
import { describeOpenFailure } from "../../../../../web/src/portal/records/open-error.js";

const PATIENT = `0x${"12".repeat(20)}` as const;

describe("describeOpenFailure", () => {
  it("describeOpenFailure says access is gone for a missing scope key and keeps the core's sentence", () => {
    const error = new NoScopeKeyError(PATIENT, 0, 2);
    const failure = describeOpenFailure(error);
    expect(failure.kind).toBe("no-access");
    expect(failure.headline).toMatch(/^You no longer have access to this record/);
    expect(failure.detail).toBe(error.message);
  });

  it("describeOpenFailure reports tampered content as an integrity failure", () => {
    expect(describeOpenFailure(new IpfsIntegrityError("record 1", "aa", "bb")).kind).toBe("integrity");
    expect(describeOpenFailure(new RecordManifestError("no parts")).kind).toBe("integrity");
  });

  it("describeOpenFailure treats an unreachable IPFS node as temporary", () => {
    expect(describeOpenFailure(Object.assign(new Error("down"), { code: "IPFS_UNAVAILABLE" })).kind).toBe("unavailable");
  });

  it("describeOpenFailure falls back to the error's own sentence for anything else", () => {
    const failure = describeOpenFailure(new Error("Something else."));
    expect(failure).toEqual({ kind: "other", headline: "This record could not be opened.", detail: "Something else." });
  });
});

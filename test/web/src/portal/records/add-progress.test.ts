import { describe, expect, it } from "vitest";

import type { AddRecordProgress } from "../../../../../web/src/core/records/add-record.js";
import { advanceAddProgress, confirmedHash, failAddProgress, initialAddProgress, type AddProgressView } from "../../../../../web/src/portal/records/add-progress.js";

const HASH = `0x${"ab".repeat(32)}` as const;

function run(events: AddRecordProgress[]): AddProgressView {
  return events.reduce(advanceAddProgress, initialAddProgress());
}

const states = (view: AddProgressView) => view.steps.map((step) => `${step.id}:${step.state}`);

describe("advanceAddProgress", () => {
  it("initialAddProgress shows the four steps every record takes, all waiting", () => {
    expect(states(initialAddProgress())).toEqual(["keys:waiting", "upload:waiting", "manifest:waiting", "transaction:waiting"]);
  });

  it("advanceAddProgress marks earlier steps done and keeps the upload bytes", () => {
    const view = run([{ step: "preparing-keys" }, { step: "encrypting-and-uploading", bytesDone: 10, bytesTotal: 40 }]);
    expect(states(view)).toEqual(["keys:done", "upload:active", "manifest:waiting", "transaction:waiting"]);
    expect(view.upload).toEqual({ bytesDone: 10, bytesTotal: 40 });
  });

  it("advanceAddProgress inserts the key transaction after the keys step when the scope key is created first", () => {
    const view = run([{ step: "preparing-keys" }, { step: "key-transaction", status: { stage: "awaiting-signature" } }]);
    expect(states(view)).toEqual(["keys:done", "key-transaction:active", "upload:waiting", "manifest:waiting", "transaction:waiting"]);
    expect(view.keyTransaction).toEqual({ stage: "awaiting-signature" });
  });

  it("advanceAddProgress finishes every step once the record transaction is confirmed", () => {
    const view = run([
      { step: "preparing-keys" },
      { step: "encrypting-and-uploading", bytesDone: 40, bytesTotal: 40 },
      { step: "storing-manifest" },
      { step: "transaction", status: { stage: "pending", hash: HASH } },
      { step: "transaction", status: { stage: "confirmed", hash: HASH } },
    ]);
    expect(states(view)).toEqual(["keys:done", "upload:done", "manifest:done", "transaction:done"]);
    expect(confirmedHash(view)).toBe(HASH);
  });

  it("confirmedHash is undefined while the transaction is only pending", () => {
    expect(confirmedHash(run([{ step: "transaction", status: { stage: "pending", hash: HASH } }]))).toBeUndefined();
  });

  it("advanceAddProgress on removing-upload marks the transaction failed and shows the clean-up", () => {
    const view = run([{ step: "storing-manifest" }, { step: "transaction", status: { stage: "awaiting-signature" } }, { step: "removing-upload" }]);
    expect(states(view)).toEqual(["keys:done", "upload:done", "manifest:done", "transaction:failed", "cleanup:active"]);
  });
});

describe("failAddProgress", () => {
  it("failAddProgress marks the running step failed", () => {
    const view = failAddProgress(run([{ step: "encrypting-and-uploading", bytesDone: 1, bytesTotal: 9 }]), new Error("IPFS is down"));
    expect(states(view)).toEqual(["keys:done", "upload:failed", "manifest:waiting", "transaction:waiting"]);
  });

  it("failAddProgress counts a clean-up as done when the error is the transaction's own", () => {
    const view = failAddProgress(run([{ step: "transaction", status: { stage: "awaiting-signature" } }, { step: "removing-upload" }]), new Error("declined"));
    expect(view.steps.find((step) => step.id === "cleanup")?.state).toBe("done");
  });

  it("failAddProgress marks the clean-up failed when the upload could not be removed", () => {
    const error = Object.assign(new Error("not removed"), { code: "RECORD_NOT_STORED" });
    const view = failAddProgress(run([{ step: "transaction", status: { stage: "awaiting-signature" } }, { step: "removing-upload" }]), error);
    expect(view.steps.find((step) => step.id === "cleanup")?.state).toBe("failed");
  });

  it("failAddProgress leaves a view without a running step unchanged", () => {
    const view = initialAddProgress();
    expect(failAddProgress(view, new Error("x"))).toBe(view);
  });
});

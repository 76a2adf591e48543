import { describe, expect, it } from "vitest";

import { downloadName, formatFileSize, previewKind, streamToBlob } from "../../../../../web/src/portal/records/attachment-files.js";

describe("previewKind", () => {
  it("previewKind previews raster images and PDFs, ignoring parameters and case", () => {
    expect(previewKind("image/png")).toBe("image");
    expect(previewKind("IMAGE/JPEG")).toBe("image");
    expect(previewKind("application/pdf; charset=binary")).toBe("pdf");
  });

  it("previewKind offers scripts-capable or unknown types as downloads only", () => {
    expect(previewKind("image/svg+xml")).toBeUndefined();
    expect(previewKind("text/html")).toBeUndefined();
    expect(previewKind("application/octet-stream")).toBeUndefined();
  });
});

describe("downloadName", () => {
  it("downloadName keeps an ordinary file name", () => {
    expect(downloadName("chest x-ray.png")).toBe("chest x-ray.png");
  });

  it("downloadName drops folders, control characters and leading dots", () => {
    expect(downloadName("../../etc/passwd")).toBe("passwd");
    expect(downloadName("C:\\scans\\a\u0000b?.pdf")).toBe("a_b_.pdf");
    expect(downloadName("..hidden")).toBe("hidden");
  });

  it("downloadName falls back to 'attachment' for an empty title", () => {
    expect(downloadName("")).toBe("attachment");
    expect(downloadName("dir/")).toBe("attachment");
  });
});

describe("streamToBlob", () => {
  it("streamToBlob gathers every chunk in order with the given type", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2]));
        controller.enqueue(new Uint8Array([3]));
        controller.close();
      },
    });
    const blob = await streamToBlob(stream, "image/png");
    expect(blob.type).toBe("image/png");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("streamToBlob rejects with the stream's error", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("tampered part"));
      },
    });
    await expect(streamToBlob(stream, "application/pdf")).rejects.toThrow("tampered part");
  });
});

describe("formatFileSize", () => {
  it("formatFileSize uses bytes below a kilobyte and one decimal under ten units", () => {
    expect(formatFileSize(820, "en-US")).toBe("820 bytes");
    expect(formatFileSize(1_400_000, "en-US")).toBe("1.4 MB");
    expect(formatFileSize(25_000_000, "en-US")).toBe("25 MB");
  });
});

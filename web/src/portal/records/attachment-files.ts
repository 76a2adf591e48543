/**
 * Decrypted attachments as browser files: which ones can be previewed in the page, the name a
 * download is saved under, and the stream gathered into a Blob for an object URL.
 */

export type PreviewKind = "image" | "pdf";

// Raster formats every current browser decodes in an <img>; anything else is offered as a download.
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);

export function previewKind(contentType: string): PreviewKind | undefined {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.has(type)) return "image";
  if (type === "application/pdf") return "pdf";
  return undefined;
}

const MAX_NAME_LENGTH = 120;

/** The attachment's original name, made safe for a file system: no folders, no control characters. */
export function downloadName(title: string): string {
  const base = title.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_").replace(/^\.+/, "").trim();
  return cleaned === "" ? "attachment" : cleaned.slice(-MAX_NAME_LENGTH);
}

/** Reads `stream` to its end as a Blob of `contentType`. */
export async function streamToBlob(stream: ReadableStream<Uint8Array>, contentType: string): Promise<Blob> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A copy: the Blob must own its bytes whatever the stream does with its buffers later.
      chunks.push(new Uint8Array(value));
    }
  } finally {
    reader.releaseLock();
  }
  return new Blob(chunks, { type: contentType });
}

const UNITS = ["bytes", "KB", "MB", "GB"] as const;

/** A file size as people read it, in the user's locale: "820 bytes", "1.4 MB". */
export function formatFileSize(bytes: number, locale?: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** Where an attachment's bytes come from. `open` may be called again, so an interrupted upload can resume. */
export interface AttachmentSource {
  title: string;
  contentType: string;
  /** Plaintext bytes; the stream must deliver exactly this many. */
  size: number;
  open(): ReadableStream<Uint8Array>;
}

/**
 * A browser `File` or any Blob. In Node, a Blob's stream reads ahead of a slow reader until the
 * whole Blob is queued, so large sources there should supply a pulled stream (a file stream) instead.
 */
export function attachmentFromBlob(blob: Blob, title: string): AttachmentSource {
  return {
    title,
    contentType: blob.type || "application/octet-stream",
    size: blob.size,
    open: () => blob.stream(),
  };
}

import { useEffect, useRef, useState } from "react";

import type { AttachmentDescription } from "../../core/records/document.js";
import type { OpenedRecord } from "../../core/records/open-record.js";
import { ErrorNotice, ProgressBar } from "../ui/Notices.js";
import { downloadName, formatFileSize, previewKind, streamToBlob } from "./attachment-files.js";

type Activity = { stage: "idle" } | { stage: "decrypting"; bytesDone: number; bytesTotal: number } | { stage: "failed"; error: unknown };

// Long enough for the browser to start saving the file; the URL is revoked on unmount in any case.
const DOWNLOAD_URL_LIFETIME_MS = 30_000;

/** One attachment of an opened record: previewed in the page (images, PDFs) or saved under its own name. */
export function AttachmentView({ record, attachment }: { record: OpenedRecord; attachment: AttachmentDescription }) {
  const [activity, setActivity] = useState<Activity>({ stage: "idle" });
  const [previewUrl, setPreviewUrl] = useState<string | undefined>();
  const urls = useRef(new Set<string>());
  const abort = useRef<AbortController | undefined>(undefined);
  const kind = previewKind(attachment.contentType);

  useEffect(() => {
    const live = urls.current;
    return () => {
      abort.current?.abort();
      for (const url of live) URL.revokeObjectURL(url);
      live.clear();
    };
  }, []);

  const revoke = (url: string) => {
    URL.revokeObjectURL(url);
    urls.current.delete(url);
  };

  /** The decrypted attachment as an object URL, or undefined when it failed (the error is shown). */
  const decryptToUrl = async (): Promise<string | undefined> => {
    const controller = new AbortController();
    abort.current = controller;
    setActivity({ stage: "decrypting", bytesDone: 0, bytesTotal: attachment.size });
    try {
      const stream = record.openAttachment(attachment.file, {
        signal: controller.signal,
        onProgress: (bytesDone, bytesTotal) => setActivity({ stage: "decrypting", bytesDone, bytesTotal }),
      });
      const url = URL.createObjectURL(await streamToBlob(stream, attachment.contentType));
      urls.current.add(url);
      setActivity({ stage: "idle" });
      return url;
    } catch (error) {
      if (!controller.signal.aborted) setActivity({ stage: "failed", error });
      return undefined;
    }
  };

  const preview = async () => {
    const url = await decryptToUrl();
    if (url !== undefined) setPreviewUrl(url);
  };

  const download = async () => {
    const url = await decryptToUrl();
    if (url === undefined) return;
    const link = document.createElement("a");
    link.href = url;
    link.download = downloadName(attachment.title);
    link.click();
    setTimeout(() => revoke(url), DOWNLOAD_URL_LIFETIME_MS);
  };

  const busy = activity.stage === "decrypting";
  return (
    <li className="attachment">
      <p>
        <strong>{attachment.title}</strong>{" "}
        <span className="muted">
          ({attachment.contentType}, {formatFileSize(attachment.size)})
        </span>
      </p>
      <div className="form-row">
        {kind === undefined || previewUrl !== undefined ? null : (
          <button type="button" className="secondary" onClick={() => void preview()} disabled={busy}>
            Preview {attachment.title}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void download()} disabled={busy}>
          Download {attachment.title}
        </button>
      </div>
      {activity.stage === "decrypting" ? <ProgressBar label={`Decrypting ${attachment.title}`} value={activity.bytesDone} max={activity.bytesTotal} /> : null}
      {activity.stage === "failed" ? <ErrorNotice error={activity.error} /> : null}
      {previewUrl === undefined ? null : (
        <div className="preview">
          {kind === "pdf" ? <iframe src={previewUrl} title={`Preview of ${attachment.title}`} /> : <img src={previewUrl} alt={`Preview of ${attachment.title}`} />}
        </div>
      )}
    </li>
  );
}

import { saltFileName, saltFileText } from "./salt-file.js";

/** The salt as a small text file for the participant; it holds no National ID. */
export function SaltDownload({ account, salt }: { account: string; salt: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([saltFileText(account, salt)], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = saltFileName(account);
    link.click();
    // The click has started the download; the object URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="secondary" onClick={download}>
      Download salt
    </button>
  );
}

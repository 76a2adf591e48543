/** Hands a text (in parts, so no one string need hold it all) to the browser as a file download; nothing leaves the tab. */
export function downloadText(fileName: string, parts: readonly string[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts as string[], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by now; the URL is not needed any longer.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

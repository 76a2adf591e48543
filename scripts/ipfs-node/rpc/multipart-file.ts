import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";

import busboy from "busboy";

import { badRequest } from "../errors.js";

export interface IncomingFile {
  /** The part's file name, URL-decoded as kubo-rpc-client encodes it; "" when unnamed. */
  name: string;
  content: Readable;
}

export interface MultipartUpload {
  /** The first file part, as soon as its headers arrive; its bytes stream on from the request. */
  file: Promise<IncomingFile>;
  /** Resolves once the whole body is read, with how many further file or directory parts it had. */
  finished: Promise<{ extraParts: number }>;
}

/**
 * Reads an `add` body part by part, straight off the socket: busboy pauses the request while the
 * importer is busy with the current chunk, so no file is ever held in memory whole.
 */
export function receiveFile(req: IncomingMessage): MultipartUpload {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers });
  } catch (error) {
    throw badRequest(`add expects a multipart/form-data body: ${error instanceof Error ? error.message : String(error)}`);
  }
  let extraParts = 0;
  let resolveFile: (file: IncomingFile) => void = () => undefined;
  let rejectFile: (error: Error) => void = () => undefined;
  const file = new Promise<IncomingFile>((resolve, reject) => {
    resolveFile = resolve;
    rejectFile = reject;
  });
  let sawFile = false;

  parser.on("file", (_field, stream, info) => {
    if (sawFile) {
      extraParts++;
      stream.resume();
      return;
    }
    sawFile = true;
    if (info.mimeType === "application/x-directory") {
      stream.resume();
      rejectFile(badRequest("directories are not supported by this dev node; add one file per request"));
      return;
    }
    resolveFile({ name: decodeName(info.filename), content: stream });
  });
  const finished = new Promise<{ extraParts: number }>((resolve, reject) => {
    parser.on("close", () => {
      if (!sawFile) rejectFile(badRequest("add needs a file part in the multipart body"));
      resolve({ extraParts });
    });
    parser.on("error", (error: Error) => {
      const failure = badRequest(`could not read the multipart body: ${error.message}`);
      rejectFile(failure);
      reject(failure);
    });
  });
  // Whoever stops waiting early (a failed import) must not leave an unhandled rejection behind.
  finished.catch(() => undefined);
  file.catch(() => undefined);
  // A client that goes away mid-body must not leave the import waiting for bytes forever (holding
  // the repository lock): the file stream fails with the parser.
  req.once("close", () => {
    if (!req.complete) parser.destroy(new Error("the client closed the connection before the body was complete"));
  });
  req.pipe(parser);
  return { file, finished };
}

function decodeName(filename: string | undefined): string {
  if (filename === undefined) return "";
  try {
    return decodeURIComponent(filename);
  } catch {
    return filename;
  }
}

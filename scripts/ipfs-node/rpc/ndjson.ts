import type { ServerResponse } from "node:http";

import { sendKuboError, type KuboApiError } from "../errors.js";

/**
 * A Kubo-style streamed answer: newline-delimited JSON, sent as the lines come. Until the first
 * line is flushed an error can still be a proper error response; after that, Kubo's convention is
 * an `X-Stream-Error` trailer, and an error object as the last line for clients that ignore
 * trailers (kubo-rpc-client does).
 */
export class NdjsonResponse {
  private headersSent = false;
  private readonly buffered: string[] = [];

  constructor(private readonly res: ServerResponse) {}

  get started(): boolean {
    return this.headersSent;
  }

  /** Sends the headers now, so that each further line goes out at once. */
  start(): void {
    if (this.headersSent) return;
    this.headersSent = true;
    this.res.writeHead(200, {
      "Content-Type": "application/json",
      "X-Chunked-Output": "1",
      Trailer: "X-Stream-Error",
    });
    for (const line of this.buffered.splice(0)) this.res.write(line);
  }

  line(value: unknown): void {
    const text = `${JSON.stringify(value)}\n`;
    if (this.headersSent) this.res.write(text);
    else this.buffered.push(text);
  }

  end(): void {
    this.start();
    this.res.end();
  }

  fail(error: KuboApiError): void {
    if (!this.headersSent) {
      sendKuboError(this.res, error);
      return;
    }
    this.res.write(`${JSON.stringify({ Message: error.message, Code: error.kuboCode, Type: "error" })}\n`);
    this.res.addTrailers({ "X-Stream-Error": error.message.replace(/[\r\n]+/g, " ") });
    this.res.end();
  }
}

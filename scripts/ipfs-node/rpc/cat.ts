import { abortedWhenClosed, NotAFileError, openFile, streamBody } from "../content.js";
import { badRequest, commandFailed } from "../errors.js";
import { MissingBlockError } from "../repo/blocks.js";
import type { RpcCall } from "./context.js";
import { cidArgument, countOption, requiredArguments } from "./params.js";

/** `POST /api/v0/cat?arg=<cid>[&offset=][&length=]`: the file's bytes, streamed. */
export async function handleCat({ res, query, repo }: RpcCall): Promise<void> {
  const [arg] = requiredArguments(query, "cat");
  const cid = cidArgument(arg as string);
  const offset = countOption(query, "offset") ?? 0;
  const length = countOption(query, "length");

  const signal = abortedWhenClosed(res);
  let file;
  try {
    file = await openFile(repo.blocks, cid, signal);
  } catch (error) {
    if (error instanceof NotAFileError) throw badRequest(error.message);
    if (error instanceof MissingBlockError) throw commandFailed(`${error.message}; cannot cat ${cid.toString()}`);
    throw error;
  }
  // As Kubo: an offset past the end gives nothing, a length past the end gives the rest.
  const start = Math.min(offset, file.size);
  const end = length === undefined ? file.size : Math.min(file.size, start + length);

  res.writeHead(200, {
    "Content-Type": "text/plain",
    "X-Content-Length": String(end - start),
    "X-Stream-Output": "1",
  });
  await streamBody(res, end > start ? file.read({ start, end }) : [], signal);
}

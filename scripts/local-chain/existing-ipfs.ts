/** The Kubo endpoint given with --ipfs-api-url does not answer as one. */
export class ExistingIpfsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExistingIpfsError";
  }
}

/** Asks the Kubo RPC API for its version, so a wrong URL or token fails the start rather than the first upload. */
export async function checkExistingIpfs(apiUrl: string, token: string | undefined): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl.replace(/\/$/, "")}/api/v0/version`, {
      method: "POST",
      headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ExistingIpfsError(`the IPFS API at ${apiUrl} did not answer (${error instanceof Error ? error.message : String(error)}). Check --ipfs-api-url`);
  }
  if (!response.ok) {
    throw new ExistingIpfsError(`the IPFS API at ${apiUrl} answered ${response.status} to /api/v0/version. Check --ipfs-api-url and the token`);
  }
  const body = (await response.json()) as { Version?: unknown };
  if (typeof body.Version !== "string") throw new ExistingIpfsError(`${apiUrl} answered /api/v0/version without a version: is it a Kubo RPC API?`);
  return body.Version;
}

/**
 * What can go wrong talking to IPFS, each with a stable `code` and a sentence saying what failed
 * and what to do. Unavailable and timeout are the transient kinds: they are what retries retry.
 */
export type IpfsErrorCode =
  | "IPFS_UNAVAILABLE"
  | "IPFS_TIMEOUT"
  | "IPFS_UNAUTHORIZED"
  | "IPFS_REJECTED"
  | "IPFS_NOT_FOUND"
  | "IPFS_NOT_PINNED"
  | "IPFS_INTEGRITY"
  | "IPFS_SOURCE_CHANGED"
  | "IPFS_IMPORT_MISMATCH"
  | "IPFS_PART_LAYOUT"
  | "IPFS_MANIFEST_TOO_LARGE"
  | "IPFS_BAD_CID";

export class IpfsError extends Error {
  constructor(
    readonly code: IpfsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The node could not be reached, or kept failing (5xx), through every retry. */
export class IpfsUnavailableError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly operation: string,
    detail: string,
    attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      "IPFS_UNAVAILABLE",
      `IPFS ${operation} failed: the node at ${apiUrl} ${detail} (${attempts} ${attempts === 1 ? "attempt" : "attempts"}). ` +
        "The node may be down or the RPC URL wrong; check that it is running and try again.",
      options,
    );
  }
}

export class IpfsTimeoutError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly operation: string,
    readonly timeoutMs: number,
    attempts: number,
  ) {
    super(
      "IPFS_TIMEOUT",
      `IPFS ${operation} at ${apiUrl} got no answer within ${timeoutMs} ms (${attempts} ${attempts === 1 ? "attempt" : "attempts"}). ` +
        "The node may be overloaded or unreachable; check it, or allow a longer timeout.",
    );
  }
}

/** HTTP 401/403: the node wants a bearer token and got none, or the wrong one. */
export class IpfsUnauthorizedError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly operation: string,
    readonly status: number,
  ) {
    super(
      "IPFS_UNAUTHORIZED",
      status === 401
        ? `The IPFS node at ${apiUrl} refused ${operation} (HTTP 401): the API token is missing or wrong. Configure the token this node expects.`
        : `The IPFS node at ${apiUrl} refused ${operation} (HTTP ${status}): this client's token or origin is not allowed there. ` +
          "Configure the token the node expects, or add this origin to the node's allowed origins.",
    );
  }
}

/** Any other 4xx: the node understood the request and will not do it; retrying would not help. */
export class IpfsRejectedError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly operation: string,
    readonly status: number,
    nodeMessage: string,
  ) {
    super("IPFS_REJECTED", `The IPFS node at ${apiUrl} rejected ${operation} (HTTP ${status}): ${nodeMessage}`);
  }
}

export class IpfsNotFoundError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly cid: string,
    nodeMessage: string,
  ) {
    super(
      "IPFS_NOT_FOUND",
      `${cid} is not available from the IPFS node at ${apiUrl} (${nodeMessage}). ` +
        "It was never stored there, or was unpinned and collected.",
    );
  }
}

export class IpfsNotPinnedError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly cid: string,
  ) {
    super("IPFS_NOT_PINNED", `${cid} is not pinned on the IPFS node at ${apiUrl}.`);
  }
}

/** The bytes the node returned are not the ones recorded: never decrypt them. */
export class IpfsIntegrityError extends IpfsError {
  constructor(
    readonly what: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      "IPFS_INTEGRITY",
      `${what} failed verification: expected ${expected}, got ${actual}. The IPFS node returned other bytes ` +
        "than were recorded (a damaged or tampered copy); nothing of it was used.",
    );
  }
}

/** Resuming an upload whose source no longer produces the bytes already stored. */
export class IpfsSourceChangedError extends IpfsError {
  constructor(
    readonly partIndex: number,
    readonly storedSha256: string,
    readonly newSha256: string,
  ) {
    super(
      "IPFS_SOURCE_CHANGED",
      `Cannot resume the upload: part ${partIndex} now hashes to sha256 ${newSha256}, but the interrupted upload ` +
        `stored ${storedSha256}. The source changed since; start a new upload.`,
    );
  }
}

/** The node built another CID than CIDv1(raw, sha2-256) for a one-block add: its import settings differ. */
export class IpfsImportMismatchError extends IpfsError {
  constructor(
    readonly apiUrl: string,
    readonly expectedCid: string,
    readonly actualCid: string,
  ) {
    super(
      "IPFS_IMPORT_MISMATCH",
      `The IPFS node at ${apiUrl} stored the manifest as ${actualCid}, not ${expectedCid}: it ignored the import ` +
        "settings (cid-version=1, raw-leaves, chunker=size-1048576), so the on-chain digest would not find it. " +
        "Use a node that honours Kubo's add options.",
    );
  }
}

/** Part lengths that do not describe the stream, or parts too large to hold in memory. */
export class IpfsPartLayoutError extends IpfsError {
  constructor(message: string) {
    super("IPFS_PART_LAYOUT", message);
  }
}

export class IpfsManifestTooLargeError extends IpfsError {
  constructor(
    readonly length: number,
    readonly limit: number,
  ) {
    super(
      "IPFS_MANIFEST_TOO_LARGE",
      `The manifest is ${length} bytes; at most ${limit} fit in the single IPFS block its on-chain digest names.`,
    );
  }
}

export class IpfsBadCidError extends IpfsError {
  constructor(cid: string, why: string) {
    super("IPFS_BAD_CID", `${cid} is not a manifest CID: ${why} (expected CIDv1, raw codec, sha2-256).`);
  }
}

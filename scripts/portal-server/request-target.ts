/** What a request path asks the portal server for. */
export type RequestTarget =
  | { kind: "config" }
  /** A file of the build, relative to the dist folder, with `/` separators. */
  | { kind: "file"; relativePath: string }
  /** A client-side route: the single-page app's index.html answers it. */
  | { kind: "app-route" }
  /** Cannot name a file of the build (traversal, bad encoding, a hidden file); the reason is safe to show. */
  | { kind: "refused"; status: 400 | 404; reason: string };

export const CONFIG_PATH = "/config.json";

/**
 * Works on the raw request target rather than a parsed URL: URL parsing would quietly resolve
 * `/../` and hide the attempt, and percent-encoded `%2F` or `%2e%2e` only become separators and dot
 * segments after decoding, so each segment is checked decoded.
 */
export function requestTarget(rawTarget: string): RequestTarget {
  const queryStart = rawTarget.search(/[?#]/);
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  if (!rawPath.startsWith("/")) return { kind: "refused", status: 400, reason: "the request target must be a path" };

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { kind: "refused", status: 400, reason: "the path is not valid percent-encoding" };
    }
    if (segment === "." || segment === "..") return { kind: "refused", status: 400, reason: "dot segments are not allowed" };
    if (/[/\\\0]/.test(segment)) return { kind: "refused", status: 400, reason: "encoded separators are not allowed" };
    if (segment.startsWith(".")) return { kind: "refused", status: 404, reason: "hidden files are not served" };
    segments.push(segment);
  }

  const relativePath = segments.filter((segment) => segment !== "").join("/");
  if (`/${relativePath}` === CONFIG_PATH) return { kind: "config" };
  const lastSegment = segments.at(-1) ?? "";
  return /\.[^.]+$/.test(lastSegment) ? { kind: "file", relativePath } : { kind: "app-route" };
}

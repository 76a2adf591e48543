import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PortalBuildMissingError, PortalPortInUseError } from "../../../scripts/portal-server/errors.js";
import { startPortalServer, type RunningPortalServer } from "../../../scripts/portal-server/server.js";
import { RuntimeConfigError, type PortalRuntimeConfig } from "../../../web/src/portal/config/runtime-config.js";

const config: PortalRuntimeConfig = {
  chainId: 1337,
  chainName: "EHR Ledger local chain",
  rpcUrl: "http://127.0.0.1:8545",
  ledgerAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  deploymentBlock: 1,
  ipfsApiUrl: "http://127.0.0.1:5001/",
  demoWallet: true,
  idleLockMinutes: 15,
};

const INDEX_HTML = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';
const ENTRY_JS = "console.log('portal');";

let root: string;
let distDir: string;
let portal: RunningPortalServer;
const loggedMessages: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "portal-server-"));
  distDir = path.join(root, "dist");
  mkdirSync(path.join(distDir, "assets"), { recursive: true });
  writeFileSync(path.join(distDir, "index.html"), INDEX_HTML);
  writeFileSync(path.join(distDir, "assets", "index-abc123.js"), ENTRY_JS);
  writeFileSync(path.join(distDir, "assets", "index-def456.css"), "body{}");
  writeFileSync(path.join(distDir, "assets", "logo-0f0f0f.svg"), "<svg/>");
  writeFileSync(path.join(distDir, "assets", "font-1a1a1a.woff2"), "w");
  writeFileSync(path.join(distDir, "assets", "data-2b2b2b.bin"), "b");
  writeFileSync(path.join(distDir, "favicon.ico"), "i");
  writeFileSync(path.join(distDir, ".env"), "SECRET=1");
  writeFileSync(path.join(root, "secret.txt"), "outside the build");
  symlinkSync(path.join(root, "secret.txt"), path.join(distDir, "leak.txt"));
  portal = await startPortalServer({ distDir, host: "127.0.0.1", port: 0, config, log: (message) => loggedMessages.push(message) });
});

afterAll(async () => {
  await portal?.close();
  rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http sends the target exactly as given; fetch would normalize `..` away before it left. */
async function send(method: string, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(portal.url);
  return await new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startPortalServer files", () => {
  it.each([
    ["/assets/index-abc123.js", "text/javascript; charset=utf-8"],
    ["/assets/index-def456.css", "text/css; charset=utf-8"],
    ["/assets/logo-0f0f0f.svg", "image/svg+xml"],
    ["/assets/font-1a1a1a.woff2", "font/woff2"],
    ["/assets/data-2b2b2b.bin", "application/octet-stream"],
    ["/favicon.ico", "image/x-icon"],
    ["/index.html", "text/html; charset=utf-8"],
  ])("serves %s as %s", async (target, contentType) => {
    const response = await send("GET", target);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe(contentType);
  });

  it("serves hashed assets as immutable for a year, with their bytes and length", async () => {
    const response = await send("GET", "/assets/index-abc123.js?v=1");
    expect(response.body).toBe(ENTRY_JS);
    expect(response.headers["content-length"]).toBe(String(ENTRY_JS.length));
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("makes index.html and other top-level files revalidate", async () => {
    expect((await send("GET", "/index.html")).headers["cache-control"]).toBe("no-cache");
    expect((await send("GET", "/")).headers["cache-control"]).toBe("no-cache");
    expect((await send("GET", "/favicon.ico")).headers["cache-control"]).toBe("no-cache");
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const first = await send("GET", "/index.html");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await send("GET", "/index.html", { "If-None-Match": `"other", ${etag}` });
    expect(second.status).toBe(304);
    expect(second.body).toBe("");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await send("HEAD", "/assets/index-abc123.js");
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(ENTRY_JS.length));
    expect(response.body).toBe("");
  });
});

describe("startPortalServer single-page fallback", () => {
  it.each(["/", "/patient", "/doctor/patients/chart", "/admin/?tab=fees", "/assets"])("answers %s with index.html", async (target) => {
    const response = await send("GET", target);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toBe(INDEX_HTML);
  });

  it("answers HEAD on a client route with index.html's headers", async () => {
    const response = await send("HEAD", "/patient/records");
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(INDEX_HTML.length));
    expect(response.body).toBe("");
  });

  it.each(["/assets/missing-000000.js", "/missing.png", "/patient/missing.css"])(
    "answers 404 for a missing file with an extension: %s",
    async (target) => {
      const response = await send("GET", target);
      expect(response.status).toBe(404);
      expect(response.headers["cache-control"]).toBe("no-store");
    },
  );
});

describe("startPortalServer refusals", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with 405 and Allow", async (method) => {
    const response = await send(method, "/index.html");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
  });

  it.each(["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets%2F..%2F..%2Fsecret.txt", "/..%5csecret.txt", "/%E0%A4%A"])(
    "refuses the traversal or malformed path %s with 400",
    async (target) => {
      const response = await send("GET", target);
      expect(response.status).toBe(400);
      expect(response.body).not.toContain("outside the build");
    },
  );

  it("does not follow a symbolic link out of the build", async () => {
    const response = await send("GET", "/leak.txt");
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("outside the build");
  });

  it("does not serve hidden files", async () => {
    const response = await send("GET", "/.env");
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("SECRET");
  });
});

describe("startPortalServer /config.json", () => {
  it("answers the runtime config as JSON that is never stored", async () => {
    const response = await send("GET", "/config.json");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(response.body)).toEqual(config);
  });

  it("refuses to start with an invalid config", async () => {
    await expect(
      startPortalServer({ distDir, host: "127.0.0.1", port: 0, config: { ...config, rpcUrl: "ftp://chain" } }),
    ).rejects.toBeInstanceOf(RuntimeConfigError);
  });
});

describe("startPortalServer security headers", () => {
  it.each(["/", "/config.json", "/assets/index-abc123.js", "/missing.js", "/../x"])("sends them on %s", async (target) => {
    const { headers } = await send("GET", target);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("sends them on a 405", async () => {
    expect((await send("POST", "/")).headers["content-security-policy"]).toContain("object-src 'none'");
  });

  it("allows only the portal's own scripts and connections to itself, the chain and the IPFS API", async () => {
    const policy = (await send("GET", "/")).headers["content-security-policy"] as string;
    const directives = new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1).join(" ")]));
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("script-src")).toBe("'self'");
    expect(directives.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(directives.get("img-src")).toBe("'self' blob: data:");
    expect(directives.get("media-src")).toBe("'self' blob:");
    expect(directives.get("frame-src")).toBe("'self' blob:");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'none'");
    expect(directives.get("connect-src")).toBe("'self' http://127.0.0.1:8545 http://127.0.0.1:5001");
  });

  it("names a shared origin once in connect-src", async () => {
    const shared = await startPortalServer({
      distDir,
      host: "127.0.0.1",
      port: 0,
      config: { ...config, rpcUrl: "https://node.example/rpc", ipfsApiUrl: "https://node.example/ipfs" },
    });
    try {
      const { hostname, port } = new URL(shared.url);
      const response = await fetch(`http://${hostname}:${port}/`);
      await response.text();
      expect(response.headers.get("content-security-policy")).toMatch(/connect-src 'self' https:\/\/node\.example$/);
    } finally {
      await shared.close();
    }
  });
});

describe("startPortalServer start-up", () => {
  it("tells the user to build the portal when the dist folder is missing", async () => {
    const missing = path.join(root, "no-dist");
    const start = startPortalServer({ distDir: missing, host: "127.0.0.1", port: 0, config });
    await expect(start).rejects.toBeInstanceOf(PortalBuildMissingError);
    await expect(start).rejects.toThrow(/npm run build:portal/);
  });

  it("names --portal-port when the port is taken", async () => {
    const port = Number(new URL(portal.url).port);
    await expect(startPortalServer({ distDir, host: "127.0.0.1", port, config })).rejects.toBeInstanceOf(PortalPortInUseError);
  });

  it("logged nothing while answering the requests above", () => {
    expect(loggedMessages).toEqual([]);
  });
});

// Completes package-lock.json with the other platforms' binary packages (darwin, win32, linux-arm64
// builds of anvil, EDR, ...). The registry mirror this project is developed against does not serve
// them, so `npm install` here leaves them out of the lockfile, and `npm ci` then refuses the
// lockfile as out of sync. A stub entry (version, os, cpu, libc, optional) is all npm needs: it
// never fetches a package whose platform does not match.
//
//   node scripts/lockfile-foreign-platforms.mjs   (after any `npm install` that changed the lockfile)
import { readFileSync, writeFileSync } from "node:fs";

const LOCKFILE = new URL("../package-lock.json", import.meta.url);
const OS = { darwin: "darwin", linux: "linux", win32: "win32" };
const CPU = { amd64: "x64", x64: "x64", arm64: "arm64" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => part in OS);
  const cpu = parts.find((part) => part in CPU);
  if (os === undefined || cpu === undefined) return undefined;
  const libc = parts.includes("musl") ? ["musl"] : parts.includes("gnu") ? ["glibc"] : undefined;
  return { os: [OS[os]], cpu: [CPU[cpu]], ...(libc === undefined ? {} : { libc }) };
}

const lock = JSON.parse(readFileSync(LOCKFILE, "utf8"));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (key in lock.packages || platform === undefined) continue;
    lock.packages[key] = { version, dev: entry.dev, optional: true, ...platform };
    added.push(`${name}@${version} (for ${location || "the root"})`);
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync(LOCKFILE, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length === 0 ? "lockfile already complete" : `added ${added.length} entries:\n  ${added.join("\n  ")}`);

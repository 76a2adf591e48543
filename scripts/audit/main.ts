/**
 * The access log for a hospital's security team, from the terminal: syncs the ledger's log into a
 * local cache (resumed on the next run), with a progress bar on stderr, then prints the entries
 * that match as a table, CSV or a FHIR R4 Bundle of AuditEvents.
 *
 *   npm run audit -- --patient 0x… --from 2026-11-01 --to 2026-11-30 --format csv --out audit.csv
 *   --rpc-url <url>            the chain (default http://127.0.0.1:8545, npm start's)
 *   --ledger-address <0x…>     with --deployment-block: the ledger there (default: the local deployment)
 *   --patient / --actor <0x…>  whose data / who did it
 *   --action <action>          e.g. record-read, access-granted
 *   --category <name|0-7>      e.g. lab-results
 *   --record <n>               one record of --patient
 *   --from / --to <date>       2026-11-01 (a UTC day, --to includes it) or an ISO time
 *   --format table|csv|fhir    default table (newest 50; --limit N)
 *   --confirmations <n>        blocks before an event is final and cached (default 0: a dev chain)
 *   --cache-file <file>        default .data/audit/<chain id>-<contract>.json
 *   --out <file>               write there instead of stdout (npm run prints a banner on stdout; or use npm run -s)
 *   --ipfs-api-url <url>       where providers' public profiles are read for their names (default http://127.0.0.1:5001)
 *   --no-names                 addresses only
 *   --verify [manifest|full]   instead of the log: check the selected records' content on IPFS against the chain
 *                              (default full: the manifest and every encrypted part); exit code 3 if any is missing or mismatched
 */
import path from "node:path";

import { createPublicClient, http } from "viem";

import { exportAccessLog } from "../../web/src/core/access-log/export/export-access-log.js";
import { createLedgerConnection } from "../../web/src/core/chain/connection.js";
import { GrantIndex } from "../../web/src/core/audit/grant-periods.js";
import { checkIntegrityInBulk } from "../../web/src/core/audit/integrity-bulk.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { LedgerLog } from "../../web/src/core/log-sync/ledger-log.js";
import type { LogQuery } from "../../web/src/core/log-sync/log-query.js";
import { deploymentsOn } from "../../web/src/generated/contracts.js";
import { projectRoot } from "../lib/project-paths.js";
import { FileLogCache } from "./file-cache.js";
import { loadNames } from "./names.js";
import { AuditUsageError, parseAuditArgs } from "./options.js";
import { writeOutput } from "./output.js";
import { integrityProgressLine, progressLine, progressWriter } from "./progress.js";
import { auditTable } from "./table.js";
import { INTEGRITY_FAILED_EXIT_CODE, integrityReport, recordsToVerify } from "./verify.js";

async function main(): Promise<void> {
  const options = parseAuditArgs(process.argv.slice(2));
  const publicClient = createPublicClient({ transport: http(options.rpcUrl, { batch: true, retryCount: 2 }) });
  const chainId = await publicClient.getChainId().catch((error: unknown) => {
    throw new AuditUsageError(`the chain at ${options.rpcUrl} does not answer (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): start it with npm start, or pass --rpc-url`);
  });
  const local = deploymentsOn(chainId)?.EHRLedger;
  const address = options.ledgerAddress ?? local?.address;
  const deploymentBlock = options.deploymentBlock ?? (local === undefined ? undefined : BigInt(local.deploymentBlock));
  if (address === undefined || deploymentBlock === undefined) throw new AuditUsageError(`no local deployment of EHRLedger on chain ${chainId}: pass --ledger-address and --deployment-block`);

  const connection = createLedgerConnection({ publicClient, address, chainId, deploymentBlock });
  const cacheFile = options.cacheFile ?? path.join(projectRoot, ".data", "audit", `${chainId}-${address.toLowerCase()}.json`);
  const log = await LedgerLog.open(connection, new FileLogCache(cacheFile), { confirmations: options.confirmations });
  const started = performance.now();
  const showSync = progressWriter(process.stderr);
  const report = await log.sync({ onProgress: (progress) => showSync(progressLine(progress)) });
  process.stderr.write(`${process.stderr.isTTY ? "\n" : ""}[audit] ${log.size.toLocaleString("en-US")} entries (${report.added.toLocaleString("en-US")} new${report.rolledBack > 0 ? `, ${report.rolledBack} rolled back after a reorg` : ""}) synced to block ${report.head} in ${((performance.now() - started) / 1000).toFixed(1)} s; cache ${path.relative(process.cwd(), cacheFile)}\n`);

  const ipfs = createIpfsStore({ apiUrl: options.ipfsApiUrl, timeoutMs: 10_000, retries: 1 });
  const names = options.names ? await loadNames(connection, ipfs) : { nameOf: () => undefined, named: 0 };
  if ("warning" in names && names.warning !== undefined) process.stderr.write(`[audit] ${names.warning}\n`);

  const query: LogQuery = {
    ...(options.patient === undefined ? {} : { patient: options.patient }),
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    ...(options.action === undefined ? {} : { actions: [options.action] }),
    ...(options.category === undefined ? {} : { category: options.category }),
    ...(options.recordId === undefined ? {} : { recordId: options.recordId }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  let output: string[];
  if (options.verify !== undefined) {
    const records = recordsToVerify(log, query);
    const showCheck = progressWriter(process.stderr);
    const results = await checkIntegrityInBulk(ipfs, records, { depth: options.verify, onProgress: (progress) => showCheck(integrityProgressLine(progress)) });
    if (process.stderr.isTTY) process.stderr.write("\n");
    output = [integrityReport(results, names.nameOf)];
    if (results.some((result) => result.status !== "verified")) process.exitCode = INTEGRITY_FAILED_EXIT_CODE;
  } else if (options.format === "table") {
    const page = log.query({ ...query, limit: options.limit });
    output = [auditTable(page.entries, page.total, names.nameOf)];
  } else {
    const all = log.matching(query);
    output = exportAccessLog(options.format, all, { chainId, contract: address, nameOf: names.nameOf, grants: GrantIndex.of(log.entries) }).parts;
    process.stderr.write(`[audit] ${all.length.toLocaleString("en-US")} matching entries as ${options.format}\n`);
  }
  await writeOutput(output, options.out);
  if (options.out !== undefined) process.stderr.write(`[audit] wrote ${options.out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\n[audit] ${error instanceof AuditUsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = error instanceof AuditUsageError ? 2 : 1;
});

/**
 * Authorization table of EHRLedger, read from the compiler's AST (a stand-in for Slither's
 * function-summary printers, which cannot be installed here).
 *
 * For every state-changing external or public function of the deployed contract (inherited ones
 * included, at their most derived implementation) it lists the guards in force:
 * - caller checks: access modifiers (`onlyRole`), calls to the access helpers in ACCESS_CALLS and
 *   comparisons with `msg.sender` / `_msgSender()`;
 * - pause checks: `whenNotPaused` / `whenPaused` and `_requireNotPaused()` / `_requirePaused()`;
 * following internal calls (virtual ones resolved along the linearization, `super` included) up
 * to MAX_CALL_DEPTH levels. Libraries are not followed.
 *
 * Usage: `npx hardhat build && npx tsx scripts/auth-table.ts` writes docs/auth-table.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { Interface, type InterfaceAbi } from "ethers";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const AUTH_TABLE_PATH = path.join(PROJECT_ROOT, "docs", "auth-table.md");

const CONTRACT_SOURCE = "contracts/EHRLedger.sol";
const CONTRACT_NAME = "EHRLedger";
const MAX_CALL_DEPTH = 2;

const ACCESS_MODIFIERS = new Set(["onlyRole"]);
const PAUSE_MODIFIERS = new Set(["whenNotPaused", "whenPaused"]);
/**
 * Internal functions whose call is itself an access check; the walk does not look inside them.
 * A call checks the caller when `msg.sender` is one of its arguments, or, for those of
 * IMPLICIT_CALLER_CALLS, always (they read `msg.sender` themselves). Calls about other accounts
 * (a key recipient's access, say) are input validation, not caller checks, and are left out.
 */
const ACCESS_CALLS = new Set([
  "hasRole",
  "_checkRole",
  "_requireCallerIsActivePatient",
  "_requireActive",
  "_hasAccess",
  "_canAccess",
  "_requireAuthorWithWriteAccess",
]);
const IMPLICIT_CALLER_CALLS = new Set(["_requireCallerIsActivePatient", "_requireAuthorWithWriteAccess"]);
const PAUSE_CALLS = new Set(["_requireNotPaused", "_requirePaused"]);

export interface AuthRow {
  /** Canonical ABI signature. */
  signature: string;
  /** Contract holding the implementation that runs. */
  declaredIn: string;
  callerChecks: string[];
  pauseChecks: string[];
}

interface AstNode {
  nodeType: string;
  id: number;
  src: string;
  [key: string]: unknown;
}

interface Declaration {
  fn: AstNode;
  contract: AstNode;
}

interface Guard {
  kind: "caller" | "pause";
  text: string;
  /** Source positions along the call path, so guards read in the order they run. */
  order: number[];
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as { nodeType?: unknown }).nodeType === "string";
}

function child(node: AstNode, key: string): AstNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

function children(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function str(node: AstNode, key: string): string {
  const value = node[key];
  return typeof value === "string" ? value : "";
}

/** Every AST node below `node`, in document order of the JSON (no order is relied on). */
function* descendants(node: unknown): Generator<AstNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* descendants(item);
  } else if (typeof node === "object" && node !== null) {
    if (isNode(node)) yield node;
    for (const value of Object.values(node)) {
      if (typeof value === "object" && value !== null) yield* descendants(value);
    }
  }
}

class LedgerAst {
  private readonly contracts = new Map<number, AstNode>();
  private readonly declarations = new Map<number, Declaration>();
  private readonly sourceByIndex = new Map<number, Buffer>();
  readonly linearization: AstNode[];
  readonly abi: Interface;

  constructor(root: string) {
    const artifactPath = path.join(root, "artifacts", CONTRACT_SOURCE, `${CONTRACT_NAME}.json`);
    const artifact = JSON.parse(readFileSync(artifactPath, "utf8")) as { abi: InterfaceAbi; buildInfoId: string };
    this.abi = new Interface(artifact.abi);
    const buildInfo = path.join(root, "artifacts", "build-info", artifact.buildInfoId);
    const input = JSON.parse(readFileSync(`${buildInfo}.json`, "utf8")) as {
      input: { sources: Record<string, { content: string }> };
    };
    const output = JSON.parse(readFileSync(`${buildInfo}.output.json`, "utf8")) as {
      output: { sources: Record<string, { id: number; ast: AstNode }> };
    };

    let ledger: AstNode | undefined;
    for (const [sourceName, source] of Object.entries(output.output.sources)) {
      const content = input.input.sources[sourceName]?.content;
      if (content === undefined) throw new Error(`build info has no content for ${sourceName}`);
      this.sourceByIndex.set(source.id, Buffer.from(content, "utf8"));
      for (const contract of children(source.ast, "nodes").filter((n) => n.nodeType === "ContractDefinition")) {
        this.contracts.set(contract.id, contract);
        for (const fn of children(contract, "nodes").filter((n) => n.nodeType === "FunctionDefinition")) {
          this.declarations.set(fn.id, { fn, contract });
        }
        if (sourceName.endsWith(CONTRACT_SOURCE) && str(contract, "name") === CONTRACT_NAME) ledger = contract;
      }
    }
    if (ledger === undefined) throw new Error(`${CONTRACT_NAME} not found in build info ${artifact.buildInfoId}`);
    const ids = ledger["linearizedBaseContracts"] as number[];
    this.linearization = ids.map((id) => {
      const contract = this.contracts.get(id);
      if (contract === undefined) throw new Error(`base contract ${id} missing from the build info`);
      return contract;
    });
  }

  /** Source text of a node, whitespace collapsed. */
  text(node: AstNode): string {
    const [start, length, index] = node.src.split(":").map(Number);
    const source = this.sourceByIndex.get(index ?? -1);
    if (source === undefined || start === undefined || length === undefined) throw new Error(`bad src ${node.src}`);
    return source.subarray(start, start + length).toString("utf8").replace(/\s+/g, " ").trim();
  }

  position(node: AstNode): number {
    return Number(node.src.split(":")[0]);
  }

  declaration(id: unknown): Declaration | undefined {
    return typeof id === "number" ? this.declarations.get(id) : undefined;
  }

  /** The implementation of `target` that runs: the most derived one, or the next after `startAfter` for `super`. */
  resolveVirtual(target: Declaration, startAfter?: AstNode): Declaration {
    if (str(target.fn, "visibility") === "private") return target;
    const key = overrideKey(target.fn);
    const from = startAfter === undefined ? 0 : this.linearization.indexOf(startAfter) + 1;
    for (const contract of this.linearization.slice(from)) {
      const fn = children(contract, "nodes").find(
        (n) => n.nodeType === "FunctionDefinition" && n["implemented"] === true && overrideKey(n) === key,
      );
      if (fn !== undefined) return { fn, contract };
    }
    return target;
  }

  /** Most derived implementation of every external/public function, by selector. */
  entryPoints(): Declaration[] {
    const seen = new Set<string>();
    const entries: Declaration[] = [];
    for (const contract of this.linearization) {
      for (const fn of children(contract, "nodes")) {
        if (fn.nodeType !== "FunctionDefinition" || fn["implemented"] !== true) continue;
        const selector = fn["functionSelector"];
        if (typeof selector !== "string" || seen.has(selector)) continue;
        seen.add(selector);
        entries.push({ fn, contract });
      }
    }
    return entries;
  }
}

/** Name and parameter types without data locations: what an override must match. */
function overrideKey(fn: AstNode): string {
  const params = children(child(fn, "parameters") ?? fn, "parameters").map((p) => {
    const type = (p["typeDescriptions"] as { typeString?: string } | undefined)?.typeString ?? "";
    return type.replace(/ (calldata|memory|storage)( pointer| ref)?/g, "");
  });
  return `${str(fn, "name")}(${params.join(",")})`;
}

function isSender(ast: LedgerAst, node: AstNode | undefined): boolean {
  if (node === undefined) return false;
  if (node.nodeType === "MemberAccess" && str(node, "memberName") === "sender") {
    const base = child(node, "expression");
    return base?.nodeType === "Identifier" && str(base, "name") === "msg";
  }
  if (node.nodeType === "FunctionCall") {
    const callee = child(node, "expression");
    return callee?.nodeType === "Identifier" && str(callee, "name") === "_msgSender";
  }
  return ast.text(node) === "msg.sender";
}

/** The function a call runs, when it is a call to an internal function of the ledger's contracts. */
function internalCallee(ast: LedgerAst, call: AstNode, caller: Declaration): Declaration | undefined {
  if (str(call, "kind") !== "functionCall") return undefined;
  const callee = child(call, "expression");
  if (callee === undefined) return undefined;
  const target = ast.declaration(callee["referencedDeclaration"]);
  if (target === undefined || !ast.linearization.includes(target.contract)) return undefined;
  if (callee.nodeType === "Identifier") return ast.resolveVirtual(target);
  if (callee.nodeType === "MemberAccess") {
    const base = child(callee, "expression");
    if (base?.nodeType === "Identifier" && str(base, "name") === "super") return ast.resolveVirtual(target, caller.contract);
  }
  return undefined;
}

function calleeName(call: AstNode): string {
  const callee = child(call, "expression");
  if (callee?.nodeType === "Identifier") return str(callee, "name");
  if (callee?.nodeType === "MemberAccess") return str(callee, "memberName");
  return "";
}

function modifierGuards(ast: LedgerAst, fn: AstNode, suffix: string, prefix: number[]): Guard[] {
  return children(fn, "modifiers").map((invocation) => {
    const name = str(child(invocation, "modifierName") ?? invocation, "name");
    const guard = { text: ast.text(invocation) + suffix, order: [...prefix, ast.position(invocation)] };
    if (ACCESS_MODIFIERS.has(name)) return { kind: "caller" as const, ...guard };
    if (PAUSE_MODIFIERS.has(name)) return { kind: "pause" as const, ...guard };
    throw new Error(`unclassified modifier ${name} on ${str(fn, "name")}: classify it in scripts/auth-table.ts`);
  });
}

/** Guards of `decl`'s modifiers and body, with those of the internal functions it calls. */
function guardsOf(ast: LedgerAst, decl: Declaration, via: string[], prefix: number[]): Guard[] {
  const suffix = via.length === 0 ? "" : ` (via ${via.join(" → ")})`;
  const guards = modifierGuards(ast, decl.fn, suffix, prefix);
  const inspected = new Set<AstNode>();
  for (const node of descendants(decl.fn["body"])) {
    if (inspected.has(node)) continue;
    const order = [...prefix, ast.position(node)];
    if (node.nodeType === "FunctionCall") {
      const name = calleeName(node);
      if (ACCESS_CALLS.has(name) || PAUSE_CALLS.has(name)) {
        const text = ast.text(node) + suffix;
        if (PAUSE_CALLS.has(name)) {
          guards.push({ kind: "pause", text, order });
        } else if (IMPLICIT_CALLER_CALLS.has(name) || children(node, "arguments").some((arg) => isSender(ast, arg))) {
          guards.push({ kind: "caller", text, order });
        }
        // A guard helper is a leaf: what it checks inside is its own business.
        for (const inner of descendants(node)) inspected.add(inner);
        continue;
      }
      const callee = internalCallee(ast, node, decl);
      if (callee !== undefined && via.length < MAX_CALL_DEPTH) {
        const label = `${str(callee.contract, "name")}.${str(callee.fn, "name")}`;
        guards.push(...guardsOf(ast, callee, [...via, label], order));
      }
    } else if (node.nodeType === "BinaryOperation" && ["==", "!="].includes(str(node, "operator"))) {
      const left = isSender(ast, child(node, "leftExpression"));
      const right = isSender(ast, child(node, "rightExpression"));
      // `msg.sender == _msgSender()` (Multicall's context probe) compares the caller with itself.
      if (left !== right) guards.push({ kind: "caller", text: ast.text(node) + suffix, order });
    }
  }
  return guards;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** One row per state-changing external/public function of the compiled EHRLedger. */
export function collectAuthTable(root = PROJECT_ROOT): AuthRow[] {
  const ast = new LedgerAst(root);
  const rows: AuthRow[] = [];
  for (const entry of ast.entryPoints()) {
    const mutability = str(entry.fn, "stateMutability");
    if (mutability !== "nonpayable" && mutability !== "payable") continue;
    const fragment = ast.abi.getFunction(`0x${str(entry.fn, "functionSelector")}`);
    if (fragment === null) throw new Error(`${str(entry.fn, "name")} is in the AST but not in the ABI`);
    const guards = guardsOf(ast, entry, [], []).sort((a, b) => compareOrder(a.order, b.order));
    const unique = (kind: Guard["kind"]) => [...new Set(guards.filter((g) => g.kind === kind).map((g) => g.text))];
    rows.push({
      signature: fragment.format("sighash"),
      declaredIn: str(entry.contract, "name"),
      callerChecks: unique("caller"),
      pauseChecks: unique("pause"),
    });
  }
  const abiStateChanging: string[] = [];
  ast.abi.forEachFunction((f) => {
    if (f.stateMutability === "nonpayable" || f.stateMutability === "payable") abiStateChanging.push(f.format("sighash"));
  });
  const found = new Set(rows.map((r) => r.signature));
  const missing = abiStateChanging.filter((s) => !found.has(s));
  if (missing.length > 0) throw new Error(`ABI functions without an implementation in the AST: ${missing.join(", ")}`);
  return rows.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
}

function cell(items: string[]): string {
  if (items.length === 0) return "—";
  return items.map((item) => "`" + item.replace(/\|/g, "\\|") + "`").join("<br>");
}

export function renderAuthTable(rows: AuthRow[]): string {
  const lines = [
    "# EHRLedger authorization table",
    "",
    "<!-- Generated by scripts/auth-table.ts from the compiler's AST; do not edit. -->",
    "Regenerate after any contract change: `npm run auth-table`.",
    "",
    "Every state-changing external or public function of the deployed `EHRLedger`, inherited ones",
    "included, at the implementation that runs.",
    "",
    "- **Caller checks**: access modifiers (`onlyRole`), calls to the access helpers about the caller",
    "  (`hasRole(…, msg.sender)`, `_requireCallerIsActivePatient()`, `_requireActive(msg.sender)`,",
    "  `_canAccess(…, msg.sender, …)`, `_requireAuthorWithWriteAccess(…)`, ...) and comparisons with `msg.sender`.",
    "- **Pause checks**: `whenNotPaused` / `whenPaused` and `_requireNotPaused()` / `_requirePaused()`.",
    "",
    `Checks found in internal functions (followed ${MAX_CALL_DEPTH} levels deep, \`super\` included) name the`,
    "function they come from. A function without caller checks must be listed, with its reason, in",
    "the allow-list of test/scripts/auth-table.test.ts.",
    "",
    "| Function | Declared in | Caller checks | Pause checks |",
    "|---|---|---|---|",
    ...rows.map((r) => `| \`${r.signature}\` | ${r.declaredIn} | ${cell(r.callerChecks)} | ${cell(r.pauseChecks)} |`),
    "",
  ];
  return lines.join("\n");
}

export function generateAuthTable(root = PROJECT_ROOT): string {
  return renderAuthTable(collectAuthTable(root));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(AUTH_TABLE_PATH, generateAuthTable());
  console.log(`wrote ${path.relative(process.cwd(), AUTH_TABLE_PATH)}`);
}

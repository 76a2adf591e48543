/** The client core's whole stack for tests: the in-process chain with real identities, and the dev IPFS node. */
import type { Observation } from "@medplum/fhirtypes";

import { ownBytes } from "../../web/src/core/bytes.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import type { AttachmentSource } from "../../web/src/core/records/attachment-source.js";
import type { RecordServices } from "../../web/src/core/records/services.js";
import { ScopeKeyring } from "../../web/src/core/scope-keys/keyring.js";
import { useTestNode, type TestNode } from "../scripts/ipfs-node/support.js";
import { useViemWorld, type PersonaName, type ViemWorld } from "./viemWorld.js";

export interface RecordWorld {
  viem(): ViemWorld;
  ipfs: TestNode;
  /** `name` signed in: its identity, a fresh keyring (chain snapshots rewind between tests) and a store, or the one given. */
  services(name: PersonaName, store?: IpfsStore): RecordServices;
}

export function useRecordWorld(setup?: (viem: ViemWorld) => Promise<void>): RecordWorld {
  const viem = useViemWorld(setup);
  const ipfs = useTestNode();
  return {
    viem,
    ipfs,
    services(name, store) {
      const persona = viem().personas[name];
      return {
        connection: persona.connection,
        identity: persona.identity,
        keyring: new ScopeKeyring(persona.identity),
        ipfs: store ?? createIpfsStore({ apiUrl: ipfs.node.apiUrl, retries: 0 }),
      };
    },
  };
}

/** A small clinical observation whose narrative carries `text`. */
export function observation(text: string): Observation {
  return { resourceType: "Observation", status: "final", code: { text: "Clinical note" }, note: [{ text }] };
}

/** An attachment from bytes, re-openable like a browser File. */
export function attachment(bytes: Uint8Array, title = "scan.bin", contentType = "application/octet-stream"): AttachmentSource {
  return { title, contentType, size: bytes.length, open: () => new Blob([ownBytes(bytes)]).stream() };
}



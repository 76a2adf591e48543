/**
 * Providers' public profiles on IPFS. They are stored in clear on purpose: a profile is a
 * professional's name, specialty and facility, public by design and never patient data. Each is one
 * raw block stored and fetched like a record manifest, so the on-chain `profileDigest` is the
 * sha256 of the profile's bytes and names its CID.
 */
import type { Hex } from "../bytes.js";
import { getManifest, putManifest } from "../ipfs/manifest-block.js";
import type { IpfsCallOptions, IpfsStore } from "../ipfs/store.js";
import { decodeProviderProfile, encodeProviderProfile, type ProviderProfile } from "./profile.js";

/** Stores and pins `profile`; resolves to the digest to register or pass to `setProfileDigest`. */
export async function publishProviderProfile(ipfs: IpfsStore, profile: ProviderProfile, options: IpfsCallOptions = {}): Promise<Hex> {
  return await putManifest(ipfs, encodeProviderProfile(profile), options);
}

/** The profile the chain's `digest` names, verified against that digest, then validated. */
export async function fetchProviderProfile(ipfs: IpfsStore, digest: Hex, options: IpfsCallOptions = {}): Promise<ProviderProfile> {
  const bytes = await getManifest(ipfs, digest, { ...options, what: "a provider's public profile" });
  return decodeProviderProfile(bytes);
}

import hre from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import type { EHRLedger } from "../../types/ethers-contracts/index.js";

/** Participant kinds, in the order of `IParticipantRegistry.Kind`. */
export const Kind = {
  None: 0,
  Patient: 1,
  Doctor: 2,
  Hospital: 3,
  Insurer: 4,
  Lab: 5,
  Auditor: 6,
} as const;

export const Status = { Active: 0, Suspended: 1 } as const;

export const RecordStatus = { None: 0, Active: 1, Superseded: 2, Retracted: 3 } as const;

export const Category = {
  GeneralNotes: 0,
  LabResults: 1,
  Imaging: 2,
  Prescriptions: 3,
  BillingClaims: 4,
  MentalHealth: 5,
  Genomics: 6,
  PatientReported: 7,
} as const;

export const ADMIN_TRANSFER_DELAY = 3 * 24 * 60 * 60;

/** A stand-in for a sealed box: the contract only checks the length (48..160 bytes). */
export function fakeWrap(tag: number, length = 80): string {
  return "0x" + (tag & 0xff).toString(16).padStart(2, "0").repeat(length);
}

export function bit(category: number): number {
  return 1 << category;
}

export async function openNetwork() {
  const connection = await hre.network.create();
  const { ethers } = connection;
  const [admin, ...others] = await ethers.getSigners();
  if (admin === undefined) throw new Error("the in-process network has no accounts");
  return { connection, ethers, admin, others };
}

export type Signer = HardhatEthersSigner;
export type { EHRLedger };

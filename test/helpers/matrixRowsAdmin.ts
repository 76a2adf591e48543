import { ADMIN_TRANSFER_DELAY } from "./fixture.js";
import {
  DEFAULT_ADMIN_ROLE,
  adminOnly,
  enforcedPause,
  event,
  notAdmin,
  outcomes,
  reverts,
  succeeds,
  succeedsSilently,
  type Cell,
  type MatrixRow,
} from "./matrixTable.js";
import { NEW_FEE, NEW_KEY, ONE_DAY, PROBE_ROLE, SIGN_UP_FEE, type MatrixWorld } from "./matrixWorld.js";

const enforcedDefaultAdminRules = reverts("AccessControlEnforcedDefaultAdminRules");
const invalidDefaultAdmin = reverts("AccessControlInvalidDefaultAdmin", (c) => [c.caller.address]);
const pendingSchedule = async (c: Cell) => [(await c.world.ledger.pendingDefaultAdmin()).schedule];

async function beginTransferToStranger({ ledger, personas }: MatrixWorld) {
  await (await ledger.connect(personas.admin).beginDefaultAdminTransfer(personas.stranger.address)).wait();
}

async function waitOutTransferDelay({ connection }: MatrixWorld) {
  await connection.networkHelpers.time.increase(ADMIN_TRANSFER_DELAY + 1);
}

/** The stranger becomes admin: the old admin's role goes, the new one's comes. */
const adminHandedOver = succeeds(
  event("RoleRevoked", (c) => [DEFAULT_ADMIN_ROLE, c.world.personas.admin.address, c.caller.address]),
  event("RoleGranted", (c) => [DEFAULT_ADMIN_ROLE, c.caller.address, c.caller.address]),
);

/** Rows of the inherited AccessControl, AccessControlDefaultAdminRules and Multicall functions. */
export const adminRows: MatrixRow[] = [
  {
    fn: "grantRole",
    args: (c) => [PROBE_ROLE, c.world.newcomer.address],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("RoleGranted", (c) => [PROBE_ROLE, c.world.newcomer.address, c.caller.address]))),
  },
  {
    // The admin role moves only through the two-step transfer, for everyone including the admin.
    fn: "grantRole",
    variant: "ofDefaultAdminRole",
    args: (c) => [DEFAULT_ADMIN_ROLE, c.world.newcomer.address],
    suspended: "hospital",
    paused: "admin",
    expect: outcomes({ others: enforcedDefaultAdminRules }),
  },
  {
    fn: "revokeRole",
    args: (c) => [PROBE_ROLE, c.world.personas.doctor2.address],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("RoleRevoked", (c) => [PROBE_ROLE, c.world.personas.doctor2.address, c.caller.address]))),
  },
  {
    fn: "revokeRole",
    variant: "ofDefaultAdminRole",
    args: (c) => [DEFAULT_ADMIN_ROLE, c.world.personas.admin.address],
    suspended: "hospital",
    paused: "admin",
    expect: outcomes({ others: enforcedDefaultAdminRules }),
  },
  {
    // Every persona holds the probe role, and anyone may give up a role of its own, paused or suspended.
    fn: "renounceRole",
    variant: "ofOwnRole",
    args: (c) => [PROBE_ROLE, c.caller.address],
    suspended: "doctor",
    paused: "patient",
    expect: outcomes({ others: succeeds(event("RoleRevoked", (c) => [PROBE_ROLE, c.caller.address, c.caller.address])) }),
  },
  {
    fn: "renounceRole",
    variant: "forAnotherAccount",
    args: (c) => [PROBE_ROLE, c.world.personas.doctor2.address],
    suspended: "doctor",
    paused: "admin",
    expect: outcomes({ others: reverts("AccessControlBadConfirmation") }),
  },
  {
    // The admin cannot drop the role without a scheduled, elapsed renounce (schedule 0: none);
    // for the others it is a role they do not hold, so nothing happens.
    fn: "renounceRole",
    variant: "ofDefaultAdminRole",
    args: (c) => [DEFAULT_ADMIN_ROLE, c.caller.address],
    suspended: "doctor",
    paused: "admin",
    expect: outcomes({
      admin: reverts("AccessControlEnforcedDefaultAdminDelay", () => [0]),
      paused: reverts("AccessControlEnforcedDefaultAdminDelay", () => [0]),
      others: succeedsSilently("RoleRevoked"),
    }),
  },
  {
    fn: "beginDefaultAdminTransfer",
    variant: "toNewcomer",
    args: (c) => [c.world.newcomer.address],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("DefaultAdminTransferScheduled", (c) => [
      c.world.newcomer.address, c.callTime + ADMIN_TRANSFER_DELAY,
    ]))),
  },
  {
    fn: "beginDefaultAdminTransfer",
    variant: "toParticipant",
    args: (c) => [c.world.personas.doctor.address],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(reverts("RegistryAdminCannotParticipate", (c) => [c.world.personas.doctor.address])),
  },
  {
    fn: "cancelDefaultAdminTransfer",
    prepare: beginTransferToStranger,
    args: () => [],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("DefaultAdminTransferCanceled", () => []))),
  },
  {
    // The stranger is the pending admin here; nobody else may accept, and the pause does not apply.
    fn: "acceptDefaultAdminTransfer",
    variant: "afterDelay",
    prepare: async (world) => {
      await beginTransferToStranger(world);
      await waitOutTransferDelay(world);
    },
    args: () => [],
    suspended: "doctor",
    paused: "stranger",
    expect: outcomes({ stranger: adminHandedOver, paused: adminHandedOver, others: invalidDefaultAdmin }),
  },
  {
    fn: "acceptDefaultAdminTransfer",
    variant: "beforeDelay",
    prepare: beginTransferToStranger,
    args: () => [],
    suspended: "doctor",
    paused: "stranger",
    expect: outcomes({
      stranger: reverts("AccessControlEnforcedDefaultAdminDelay", pendingSchedule),
      paused: reverts("AccessControlEnforcedDefaultAdminDelay", pendingSchedule),
      others: invalidDefaultAdmin,
    }),
  },
  {
    // One wallet, one kind: a pending admin that signed up meanwhile cannot take the role.
    fn: "acceptDefaultAdminTransfer",
    variant: "afterPendingAdminSignedUp",
    prepare: async (world) => {
      await beginTransferToStranger(world);
      const { ledger, personas } = world;
      await (await ledger.connect(personas.stranger).signUp(NEW_KEY, NEW_KEY, { value: SIGN_UP_FEE })).wait();
      await waitOutTransferDelay(world);
    },
    args: () => [],
    suspended: "doctor",
    paused: "stranger",
    expect: outcomes({
      stranger: reverts("RegistryAdminCannotParticipate", (c) => [c.caller.address]),
      paused: reverts("RegistryAdminCannotParticipate", (c) => [c.caller.address]),
      others: invalidDefaultAdmin,
    }),
  },
  {
    // A shorter delay takes effect after the difference (3 days - 1 day).
    fn: "changeDefaultAdminDelay",
    args: () => [ONE_DAY],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("DefaultAdminDelayChangeScheduled", (c) => [
      ONE_DAY, c.callTime + ADMIN_TRANSFER_DELAY - ONE_DAY,
    ]))),
  },
  {
    fn: "rollbackDefaultAdminDelay",
    prepare: async ({ ledger, personas }) => {
      await (await ledger.connect(personas.admin).changeDefaultAdminDelay(ONE_DAY)).wait();
    },
    args: () => [],
    suspended: "hospital",
    paused: "admin",
    expect: adminOnly(succeeds(event("DefaultAdminDelayChangeCanceled", () => []))),
  },
  {
    // Multicall keeps msg.sender, so a batched admin call is still the admin's alone.
    fn: "multicall",
    variant: "ofAdminCall",
    args: (c) => [[c.world.ledger.interface.encodeFunctionData("setSignUpFee", [NEW_FEE])]],
    suspended: "hospital",
    paused: "admin",
    expect: outcomes({
      admin: succeeds(event("SignUpFeeChanged", () => [SIGN_UP_FEE, NEW_FEE])),
      paused: succeeds(event("SignUpFeeChanged", () => [SIGN_UP_FEE, NEW_FEE])),
      others: notAdmin,
    }),
  },
  {
    // ...and a batched participant call still needs an active participant and a running system.
    fn: "multicall",
    variant: "ofParticipantCall",
    args: (c) => [[c.world.ledger.interface.encodeFunctionData("setEncryptionKey", [NEW_KEY])]],
    suspended: "patient",
    paused: "patient",
    expect: outcomes({
      admin: reverts("RegistryNotRegistered", (c) => [c.caller.address]),
      stranger: reverts("RegistryNotRegistered", (c) => [c.caller.address]),
      suspended: reverts("RegistryInactiveParticipant", (c) => [c.caller.address]),
      paused: enforcedPause,
      others: succeeds(event("EncryptionKeyChanged", (c) => [c.caller.address, NEW_KEY])),
    }),
  },
];

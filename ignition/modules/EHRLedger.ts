import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** Three days: the window in which a compromised admin's transfer can be noticed and cancelled. */
const DEFAULT_ADMIN_TRANSFER_DELAY = 3n * 24n * 60n * 60n;

export default buildModule("EHRLedger", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const adminTransferDelay = m.getParameter("adminTransferDelay", DEFAULT_ADMIN_TRANSFER_DELAY);
  const ledger = m.contract("EHRLedger", [admin, adminTransferDelay]);
  return { ledger };
});

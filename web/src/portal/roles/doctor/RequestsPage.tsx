import { useServices } from "../../session/session-context.js";
import { OwnRequests } from "./OwnRequests.js";
import { RequestForm } from "./RequestForm.js";

/** Asking a patient for access, and the answers to earlier requests. */
export function RequestsPage() {
  const { identity } = useServices();
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">Access requests</h1>
      <RequestForm doctor={identity.account} />
      <OwnRequests provider={identity.account} />
    </section>
  );
}

import { useState } from "react";

import { DEMO_PERSONAS } from "./demo-personas.js";
import type { DemoWallet } from "./demo-wallet.js";

/** Only ever rendered on the local dev chain: the banner says what these keys are. */
export default function DemoWalletBar({ wallet }: { wallet: DemoWallet }) {
  const [personaId, setPersonaId] = useState(wallet.persona.id);
  return (
    <div className="demo-bar" role="region" aria-label="Local demo wallet">
      <strong>Local demo</strong> — public dev keys on the local chain only, never on a real network.
      <label>
        Act as{" "}
        <select
          value={personaId}
          onChange={(event) => {
            const persona = DEMO_PERSONAS.find((candidate) => candidate.id === event.target.value);
            if (persona === undefined) return;
            wallet.switchPersona(persona);
            setPersonaId(persona.id);
          }}
        >
          {DEMO_PERSONAS.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.label} ({persona.role})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

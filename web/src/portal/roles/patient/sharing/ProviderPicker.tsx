import { useId, useMemo, useState } from "react";

import { sameAddress } from "../../../../core/chain/address.js";
import { PROVIDER_KINDS } from "../../../../core/directory/directory.js";
import type { Address } from "../../../../core/ledger-context.js";
import { useDirectory } from "../../../directory/use-directory.js";
import { useSession } from "../../../session/session-context.js";
import { errorSentence } from "../../../ui/error-sentence.js";
import { shortAddress } from "../../../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/Notices.js";
import { choiceOf, isChosen, KIND_FILTER_LABELS, pickerOptions, toggleChoice, type ChosenProvider, type KindFilter } from "./picker-options.js";
import { checkTypedProvider, typedAddressError } from "./typed-provider.js";

export interface ProviderPickerProps {
  selected: readonly ChosenProvider[];
  onChange(selected: ChosenProvider[]): void;
  legend?: string;
  /** The kinds offered; every provider kind by default. */
  kinds?: readonly number[];
  /** A validation error from the enclosing form, shown under the legend. */
  error?: string | undefined;
  /** While a transaction runs: nothing can change. */
  disabled?: boolean;
}

/**
 * Choose one or several providers from the public directory by name, specialty or facility. Typing
 * an address is offered behind a disclosure only, and accepted once the chain confirms it is an
 * active provider with an encryption key.
 */
export function ProviderPicker({ selected, onChange, legend = "Providers", kinds = PROVIDER_KINDS, error, disabled = false }: ProviderPickerProps) {
  const id = useId();
  const directory = useDirectory();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<KindFilter>("all");
  const options = useMemo(() => pickerOptions(directory.entries, query, kind, kinds), [directory.entries, query, kind, kinds]);
  const errorId = `${id}-error`;

  return (
    <fieldset aria-describedby={error === undefined ? undefined : errorId} aria-invalid={error !== undefined} disabled={disabled}>
      <legend>{legend}</legend>
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="form-row">
        <label>
          Search providers
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name, specialty or facility" />
        </label>
        {kinds.length > 1 ? (
          <label>
            Kind of provider
            <select value={String(kind)} onChange={(event) => setKind(event.target.value === "all" ? "all" : Number(event.target.value))}>
              <option value="all">All kinds</option>
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {KIND_FILTER_LABELS[value] ?? `Kind ${value}`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {directory.isLoading ? (
        <Loading what="the provider directory" />
      ) : directory.error !== null ? (
        <ErrorNotice error={directory.error} what="the provider directory" retry={() => void directory.refetch()} />
      ) : options.length === 0 ? (
        <EmptyState title={query.trim() === "" && kind === "all" ? "No provider is listed in the directory yet." : "No provider matches."}>
          <p>Try other words or another kind, or enter their address below.</p>
        </EmptyState>
      ) : (
        <ul className="timeline" aria-label="Providers in the directory">
          {options.map((option) => {
            const detailsId = `${id}-${option.choice.account}`;
            return (
              <li key={option.choice.account}>
                <label>
                  <input
                    type="checkbox"
                    checked={isChosen(selected, option.choice.account)}
                    disabled={option.unavailable !== undefined && !isChosen(selected, option.choice.account)}
                    onChange={(event) => onChange(toggleChoice(selected, option.choice, event.target.checked))}
                    aria-describedby={detailsId}
                  />{" "}
                  {option.name}
                </label>
                <span id={detailsId} className="muted">
                  {option.details}
                  {option.unavailable === undefined ? "" : ` — ${option.unavailable}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <ChosenList selected={selected} onChange={onChange} />
      <TypedAddress selected={selected} onChange={onChange} kinds={kinds} entries={directory.entries} />
    </fieldset>
  );
}

function ChosenList({ selected, onChange }: Pick<ProviderPickerProps, "selected" | "onChange">) {
  if (selected.length === 0) return <p className="muted">No provider chosen yet.</p>;
  return (
    <div aria-label="Chosen providers" role="group">
      <p>Chosen:</p>
      <div className="chips">
        {selected.map((chosen) => {
          const name = chosen.name ?? shortAddress(chosen.account);
          return (
            <span key={chosen.account} className="chip">
              {name}{" "}
              <button type="button" className="secondary" onClick={() => onChange(toggleChoice(selected, chosen, false))} aria-label={`Remove ${name}`}>
                ×
              </button>
            </span>
          );
        })}
      </div>
    </div>
  );
}

function TypedAddress({
  selected,
  onChange,
  kinds,
  entries,
}: Pick<ProviderPickerProps, "selected" | "onChange"> & { kinds: readonly number[]; entries: ReturnType<typeof useDirectory>["entries"] }) {
  const id = useId();
  const { readConnection, account } = useSession();
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [checking, setChecking] = useState(false);

  const add = async () => {
    const formatProblem = typedAddressError(value, account, selected.map((chosen) => chosen.account));
    setProblem(formatProblem);
    if (formatProblem !== undefined) return;
    setChecking(true);
    try {
      const checked = await checkTypedProvider(readConnection, value.trim() as Address);
      if (!kinds.includes(checked.kind)) {
        setProblem("This provider is not of a kind offered here.");
        return;
      }
      const listed = entries.find((entry) => sameAddress(entry.account, checked.account));
      onChange(toggleChoice(selected, listed === undefined ? { ...checked, name: undefined } : choiceOf(listed), true));
      setValue("");
    } catch (error) {
      setProblem(errorSentence(error));
    } finally {
      setChecking(false);
    }
  };

  return (
    <details>
      <summary>Enter an address instead</summary>
      <p className="muted">If your provider gave you their wallet address, you can enter it here. It is checked with the ledger before it can be chosen.</p>
      <label>
        Provider's wallet address
        <input
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void add();
            }
          }}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : `${id}-problem`}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      {problem === undefined ? null : (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void add()} disabled={checking}>
        {checking ? "Checking with the ledger…" : "Check and add"}
      </button>
    </details>
  );
}

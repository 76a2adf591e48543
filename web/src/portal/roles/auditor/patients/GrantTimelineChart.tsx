import { formatDate, formatDateTime } from "../../../ui/format.js";
import { scopeWords } from "../../../../core/audit/grant-words.js";
import type { GrantState } from "../grant-words.js";
import type { GrantTimeline } from "./grant-timeline.js";

const STATE_COLOURS: Record<GrantState, string> = { standing: "var(--ok)", expired: "var(--warn)", revoked: "var(--bad)", replaced: "var(--muted)" };
const STATE_WORDS: Record<GrantState, string> = { standing: "in force", expired: "expired", revoked: "revoked", replaced: "replaced by a later grant" };

/**
 * One bar per grant, from when it was given until it ended (or now), on a shared time axis; each
 * bar's tooltip says what it covered. HTML rather than SVG, so names wrap and keep their size on a phone.
 */
export function GrantTimelineChart({ timeline, nameOf }: { timeline: GrantTimeline; nameOf: (address: `0x${string}`) => string }) {
  return (
    <figure className="chart" aria-label={`${timeline.bars.length} grants from ${formatDate(timeline.from)} to ${formatDate(timeline.to)}`}>
      <ul className="gantt">
        {timeline.bars.map((bar) => {
          const what = `${nameOf(bar.period.grantee)}: ${scopeWords(bar.period)}, ${formatDateTime(bar.start)} – ${bar.state === "standing" ? "now" : formatDateTime(bar.end)} (${STATE_WORDS[bar.state]})`;
          return (
            <li key={bar.period.id}>
              <span className="gantt-label">{nameOf(bar.period.grantee)}</span>
              <span className="gantt-track">
                <span className="gantt-bar" title={what} aria-label={what} style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%`, background: STATE_COLOURS[bar.state] }} />
              </span>
            </li>
          );
        })}
      </ul>
      <div className="gantt-axis muted">
        <span>{formatDate(timeline.from)}</span>
        <span>{formatDate(timeline.to)}</span>
      </div>
      <figcaption className="chart-legend">
        {(Object.keys(STATE_COLOURS) as GrantState[]).map((state) => (
          <span key={state}>
            <span className="swatch" style={{ background: STATE_COLOURS[state] }} /> {STATE_WORDS[state]}
          </span>
        ))}
        {timeline.hidden > 0 ? <span className="muted">{timeline.hidden} older grants are in the table only.</span> : null}
      </figcaption>
    </figure>
  );
}

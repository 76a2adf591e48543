import { useMemo, useState } from "react";
import { Link } from "react-router";

import { activeGrantsPerDay, eventsPerDay, topReaders } from "../../../../core/audit/charts.js";
import { localDayOf } from "../../../../core/audit/days.js";
import { LogSyncStatus } from "../../../log/LogSyncStatus.js";
import { useLedgerLog } from "../../../log/use-ledger-log.js";
import { useParticipantNames } from "../../../registration/use-names.js";
import { EmptyState, Loading } from "../../../ui/Notices.js";
import { useGrantIndex } from "../use-grant-index.js";
import { ActiveGrantsChart } from "./ActiveGrantsChart.js";
import { CHART_RANGES, chartRange, isChartRangeName, type ChartRangeName } from "./chart-range.js";
import { EventsPerDayChart } from "./EventsPerDayChart.js";
import { capitalized } from "../../../ui/words.js";

const TOP_READERS = 10;

/** The log at a glance: entries per day by action, who opens the most records, grants in force over time. */
export default function OverviewPage() {
  const view = useLedgerLog();
  const { log, version, ready } = view;
  const grants = useGrantIndex(log, version);
  const { displayName, isLoading: namesLoading } = useParticipantNames();
  const [rangeName, setRangeName] = useState<ChartRangeName>("month");

  const charts = useMemo(() => {
    if (log === undefined || grants === undefined || !ready) return undefined;
    const first = log.query({ limit: 1, offset: Math.max(0, log.size - 1) }).entries[0]?.timestamp;
    const newest = log.query({ limit: 1 }).entries[0]?.timestamp;
    const range = chartRange(rangeName, first, newest);
    if (range === undefined) return null;
    const inRange = log.matching(range);
    return {
      range,
      days: eventsPerDay(inRange, { dayOf: localDayOf, ...range }),
      readers: topReaders(inRange, { limit: TOP_READERS, ownReads: false }),
      grants: activeGrantsPerDay(grants, { dayOf: localDayOf, ...range }),
    };
    // `version` changes when the log's entries do; the log object itself stays the same.
  }, [log, version, grants, ready, rangeName]);

  const mostReads = charts?.readers[0]?.reads ?? 0;
  return (
    <>
      <h1>Overview</h1>
      <p>The access log at a glance. Days follow your time zone; the range ends at the newest entry.</p>
      <LogSyncStatus view={view} />
      <label>
        Range
        <select value={rangeName} onChange={(event) => isChartRangeName(event.target.value) && setRangeName(event.target.value)}>
          {(Object.keys(CHART_RANGES) as ChartRangeName[]).map((name) => (
            <option key={name} value={name}>
              {CHART_RANGES[name].label}
            </option>
          ))}
        </select>
      </label>
      {charts === undefined || namesLoading ? (
        <Loading what="the charts" />
      ) : charts === null ? (
        <EmptyState title="The ledger has no activity yet" />
      ) : (
        <>
          <section aria-labelledby="per-day-title">
            <h2 id="per-day-title">Entries per day, by action</h2>
            <EventsPerDayChart days={charts.days} />
          </section>
          <section aria-labelledby="readers-title">
            <h2 id="readers-title">Top readers</h2>
            {charts.readers.length === 0 ? (
              <p className="muted">Nobody but patients themselves opened a record in this range.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="muted">Who opened the most records of other people in this range</caption>
                  <thead>
                    <tr>
                      <th scope="col">Reader</th>
                      <th scope="col">Records opened</th>
                      <th scope="col">Patients</th>
                      <th scope="col" className="bar-cell">
                        <span className="muted">Share of the most</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {charts.readers.map((reader) => (
                      <tr key={reader.reader}>
                        <td title={reader.reader}>
                          <Link to={`/auditor?actor=${reader.reader}`}>{capitalized(displayName(reader.reader))}</Link>
                        </td>
                        <td>{reader.reads.toLocaleString()}</td>
                        <td>{reader.patients.toLocaleString()}</td>
                        <td className="bar-cell">
                          <div className="bar" style={{ width: `${(reader.reads / mostReads) * 100}%` }} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="active-grants-title">
            <h2 id="active-grants-title">Grants in force</h2>
            <ActiveGrantsChart days={charts.grants} />
          </section>
        </>
      )}
    </>
  );
}

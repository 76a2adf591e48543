import { useId, useMemo, useState, type ReactNode } from "react";

import { recordHistory } from "../../core/records/record-history.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import type { Address } from "../../core/ledger-context.js";
import { useDirectory } from "../directory/use-directory.js";
import { useServices } from "../session/session-context.js";
import { formatDateTime } from "../ui/format.js";
import { EmptyState, ErrorNotice, Loading } from "../ui/Notices.js";
import { authorLabel, categoryLabel, facilityLabel, STATUS_CLASSES, STATUS_LABELS, type NameOf } from "./record-labels.js";
import { RecordViewer } from "./RecordViewer.js";
import {
  applyTimelineFilters,
  categoriesPresent,
  facilitiesPresent,
  hasRecordsWithoutFacility,
  NO_TIMELINE_FILTERS,
  timelineCountText,
  toggleCategory,
  type FacilityChoice,
  type TimelineFilters,
} from "./timeline-filters.js";
import { usePatientRecords } from "./use-patient-records.js";

export interface RecordTimelineProps {
  patient: Address;
  /** Records from these facilities come first (a clinician's provenance preference). */
  trustedFacilities?: readonly Address[];
  /** Only these categories are listed (a clinician sees what is in scope); all when absent. */
  visibleCategories?: readonly number[];
  /** Runs before a record is opened, e.g. a read receipt. */
  onBeforeOpen?(record: RecordSummary): Promise<void>;
  /** Extra controls for one record, e.g. amend or retract for its author. */
  renderActions?(record: RecordSummary): ReactNode;
  /** Shown when the patient has no record yet, with a way forward. */
  emptyAction?: ReactNode;
}

/** A patient's records, newest first, filterable by category and facility; any can be opened in place. */
export function RecordTimeline({ patient, trustedFacilities = [], visibleCategories, onBeforeOpen, renderActions, emptyAction }: RecordTimelineProps) {
  const records = usePatientRecords(patient);
  const { nameOf } = useDirectory();
  const [filters, setFilters] = useState<TimelineFilters>(NO_TIMELINE_FILTERS);
  const [openIds, setOpenIds] = useState<ReadonlySet<bigint>>(new Set());

  const inScope = useMemo(
    () => (records.data ?? []).filter((record) => visibleCategories === undefined || visibleCategories.includes(record.category)),
    [records.data, visibleCategories],
  );
  const shown = useMemo(() => applyTimelineFilters(inScope, filters, trustedFacilities), [inScope, filters, trustedFacilities]);

  if (records.isPending) return <Loading what="the records" />;
  if (records.isError) return <ErrorNotice error={records.error} what="the records" retry={() => void records.refetch()} />;
  if (inScope.length === 0) {
    return (
      <EmptyState title="No records yet">
        {emptyAction}
      </EmptyState>
    );
  }

  const toggleOpen = (recordId: bigint) =>
    setOpenIds((previous) => {
      const next = new Set(previous);
      if (!next.delete(recordId)) next.add(recordId);
      return next;
    });

  return (
    <div className="record-timeline">
      <TimelineFilterControls records={inScope} filters={filters} onChange={setFilters} nameOf={nameOf} />
      <p className="muted" role="status">
        {timelineCountText(inScope, shown.length, filters)}
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No record matches these filters">
          <button type="button" className="secondary" onClick={() => setFilters(NO_TIMELINE_FILTERS)}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <ol className="timeline" aria-label="Records, newest first">
          {shown.map((record) => (
            <TimelineItem
              key={record.recordId.toString()}
              record={record}
              history={recordHistory(inScope, record.recordId)}
              open={openIds}
              onToggle={toggleOpen}
              nameOf={nameOf}
              onBeforeOpen={onBeforeOpen}
              actions={renderActions?.(record)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function TimelineItem({
  record,
  history,
  open,
  onToggle,
  nameOf,
  onBeforeOpen,
  actions,
}: {
  record: RecordSummary;
  history: readonly RecordSummary[];
  open: ReadonlySet<bigint>;
  onToggle(recordId: bigint): void;
  nameOf: NameOf;
  onBeforeOpen: RecordTimelineProps["onBeforeOpen"];
  actions: ReactNode;
}) {
  const { identity } = useServices();
  const id = record.recordId.toString();
  const isOpen = open.has(record.recordId);
  const position = history.findIndex((version) => version.recordId === record.recordId);
  const earlier = position > 0 ? history.slice(0, position).reverse() : [];
  return (
    <li aria-label={`Record #${id}, ${categoryLabel(record.category)}`}>
      <div className="chips">
        <span className="chip">{categoryLabel(record.category)}</span>
        <span className={STATUS_CLASSES[record.status]}>{STATUS_LABELS[record.status]}</span>
        {record.supersedes === undefined ? null : <span className="chip">Amended</span>}
        {record.supersededBy === undefined ? null : <span className="chip">Newer version: #{record.supersededBy.toString()}</span>}
      </div>
      <p>
        <strong>Record #{id}</strong> · {formatDateTime(record.createdAt)}
        <br />
        By {authorLabel(record, identity.account, nameOf)} · {facilityLabel(record.facility, nameOf)}
      </p>
      <div className="form-row">
        <button type="button" className="secondary" aria-expanded={isOpen} onClick={() => onToggle(record.recordId)}>
          {isOpen ? `Close record #${id}` : `Open record #${id}`}
        </button>
        {actions}
      </div>
      {earlier.length === 0 ? null : (
        <div className="history">
          <p className="muted">Earlier versions:</p>
          <ul>
            {earlier.map((version) => (
              <li key={version.recordId.toString()}>
                <button type="button" className="secondary" aria-expanded={open.has(version.recordId)} onClick={() => onToggle(version.recordId)}>
                  {open.has(version.recordId) ? "Close" : "Open"} version #{version.recordId.toString()} of {formatDateTime(version.createdAt)}
                </button>
                {open.has(version.recordId) ? <RecordViewer {...viewerProps(version, onBeforeOpen)} /> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      {isOpen ? <RecordViewer {...viewerProps(record, onBeforeOpen)} /> : null}
    </li>
  );
}

function viewerProps(record: RecordSummary, onBeforeOpen: RecordTimelineProps["onBeforeOpen"]) {
  return { patient: record.patient, recordId: record.recordId, ...(onBeforeOpen === undefined ? {} : { onBeforeOpen: () => onBeforeOpen(record) }) };
}

function TimelineFilterControls({
  records,
  filters,
  onChange,
  nameOf,
}: {
  records: readonly RecordSummary[];
  filters: TimelineFilters;
  onChange(filters: TimelineFilters): void;
  nameOf: NameOf;
}) {
  const id = useId();
  const categories = categoriesPresent(records);
  const facilities = facilitiesPresent(records);
  return (
    // Fieldsets and flex items default to their content's width: a long facility name would widen the page past a phone's screen.
    <fieldset className="timeline-filters">
      <legend>Filter records</legend>
      <div className="form-row">
        <fieldset>
          <legend>Categories</legend>
          <div className="chips">
            {categories.map((category) => (
              <label key={category}>
                <input type="checkbox" checked={filters.categories.includes(category)} onChange={() => onChange({ ...filters, categories: toggleCategory(filters.categories, category) })} />{" "}
                {categoryLabel(category)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grow">
          <label htmlFor={`${id}-facility`}>Facility</label>
          <select id={`${id}-facility`} value={filters.facility} onChange={(event) => onChange({ ...filters, facility: event.target.value as FacilityChoice })}>
            <option value="all">All facilities</option>
            {facilities.map((facility) => (
              <option key={facility} value={facility}>
                {facilityLabel(facility, nameOf)}
              </option>
            ))}
            {hasRecordsWithoutFacility(records) ? <option value="none">No facility (the patient's own, or an independent provider's)</option> : null}
          </select>
          <label>
            <input type="checkbox" checked={filters.showEarlierVersions} onChange={(event) => onChange({ ...filters, showEarlierVersions: event.target.checked })} /> Show
            superseded versions in the list
          </label>
        </div>
      </div>
    </fieldset>
  );
}

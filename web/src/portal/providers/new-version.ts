/**
 * A new version of an opened record (an amendment): the edited resource, filed with `supersedes`
 * pointing at the version it replaces, in the same category. The record's attachments come along,
 * streamed from the opened version straight into the new encryption, so marking a prescription
 * given or correcting a report does not drop its files.
 */
import type { Resource } from "@medplum/fhirtypes";

import type { NewRecord } from "../../core/records/add-record.js";
import type { AttachmentSource } from "../../core/records/attachment-source.js";
import type { OpenedRecord } from "../../core/records/open-record.js";

/** The opened record's attachments as sources for a new version; each re-opens (and re-verifies) on demand. */
export function carriedAttachments(opened: OpenedRecord): AttachmentSource[] {
  return opened.document.attachments.map(({ file, title, contentType, size }) => ({
    title,
    contentType,
    size,
    open: () => opened.openAttachment(file),
  }));
}

/** What addRecord files as the next version of `opened`; `opened` must stay open until it is added. */
export function newVersionOf(opened: OpenedRecord, resource: Resource): NewRecord {
  const { patient, category, recordId } = opened.entry;
  return { patient, category, resource, attachments: carriedAttachments(opened), supersedes: recordId };
}

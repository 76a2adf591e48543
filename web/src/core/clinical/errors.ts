/** A clinical form value that cannot become a valid FHIR resource; `field` names the input. */
export class ClinicalInputError extends Error {
  readonly code = "CLINICAL_INPUT_INVALID";

  constructor(
    readonly field: string,
    sentence: string,
  ) {
    super(sentence);
    this.name = "ClinicalInputError";
  }
}

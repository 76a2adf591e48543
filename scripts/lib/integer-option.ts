/** A command-line integer within [min, max]; the error names the flag and echoes what was given. */
export function parseIntegerOption(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  // Number("") is 0: an empty value (an empty env variable) must not pass as zero.
  if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

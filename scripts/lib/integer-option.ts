/** A command-line integer within [min, max]; the error names the flag and echoes what was given. */
export function parseIntegerOption(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  // Plain decimal digits only: Number() would also take "" (as 0), "1e3" and "0x10".
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/**
 * The read and add-records checkboxes of a scope, shared by the patient's grant form and a
 * provider's access request: both keep `write` inside `read`, as the contract stores scopes.
 */

/** Anything holding a read and a write category bitmask. */
export interface ScopeFields {
  read: number;
  write: number;
}

/** Unticking read also unticks write: nobody adds to a category they cannot read. */
export function toggleRead<Fields extends ScopeFields>(fields: Fields, category: number, on: boolean): Fields {
  const bit = 1 << category;
  return on ? { ...fields, read: fields.read | bit } : { ...fields, read: fields.read & ~bit, write: fields.write & ~bit };
}

/** Ticking write also ticks read (write implies read). */
export function toggleWrite<Fields extends ScopeFields>(fields: Fields, category: number, on: boolean): Fields {
  const bit = 1 << category;
  return on ? { ...fields, read: fields.read | bit, write: fields.write | bit } : { ...fields, write: fields.write & ~bit };
}

/** Whether `category`'s bit is set in `mask`. */
export function inScope(mask: number, category: number): boolean {
  return ((mask >> category) & 1) === 1;
}

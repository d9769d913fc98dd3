/**
 * The field-level difference between two plain snapshots of a record. Values are compared by
 * their JSON form, so arrays of sub-documents, dates and ids compare by content.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every write and tell a reader nothing. */
const IGNORED_FIELDS = new Set(['_id', 'id', '__v', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/**
 * A JSON-safe copy: Dates → ISO strings, ObjectIds → hex strings. Empty values (undefined, '',
 * []) all become null, so filling in nothing is not reported as a change.
 */
function plainValue(value: unknown): unknown {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})]);
  const changes: FieldChange[] = [];
  // In the snapshot's own field order, which is the order of the form.
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const old = plainValue(before?.[field]);
    const now = plainValue(after?.[field]);
    if (JSON.stringify(old) !== JSON.stringify(now)) changes.push({ field, before: old, after: now });
  }
  return changes;
}

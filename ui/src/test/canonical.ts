// One text per JSON value, whatever the order of its keys: how the UI tests'
// asks are looked up and listed.

/** JSON with the keys of every object sorted, as serde_json writes a Value. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

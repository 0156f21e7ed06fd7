// Topic and life-event ids, in the order the home page lists them. Their
// labels are `topic-<id>` and `life-event-<id>` in locales/*/catalog.ftl.

export const TOPICS = [
  'civil-status',
  'residence',
  'judicial-records',
  'transport',
  'immigration',
  'business',
  'certification',
  'employment',
  'health-insurance',
  'identity',
  'land',
  'social-protection',
] as const;

export const LIFE_EVENTS = [
  'having-a-baby',
  'getting-married',
  'death-in-family',
  'moving-house',
  'starting-a-business',
  'losing-a-job',
  'travelling-abroad',
  'getting-a-job',
  'driving',
] as const;

export type FilterKind = 'topic' | 'life-event';
export type Filter = { kind: FilterKind; id: string };

/** The Fluent id of a topic or life event. */
export function filterLabelId(filter: Filter): string {
  return `${filter.kind}-${filter.id}`;
}

/** The ids in use, in the listed order, then any others in the order met. */
export function ordered(known: readonly string[], used: Iterable<string>): string[] {
  const seen = new Set(used);
  const out = known.filter((id) => seen.has(id));
  for (const id of seen) if (!out.includes(id)) out.push(id);
  return out;
}

export function matches(filter: Filter | null, item: { topics: string[]; life_events: string[] }): boolean {
  if (!filter) return true;
  return (filter.kind === 'topic' ? item.topics : item.life_events).includes(filter.id);
}

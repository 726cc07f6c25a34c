/** A located annotation: a passage whose place has coordinates, ready to be drawn on a map. */
export interface LocatedPassage {
  documentId: string;
  documentTitle: string;
  annotationId: string;
  quote: string;
  /** The place's name as the analyst or the gazetteer wrote it. */
  name: string;
  lat: number;
  lon: number;
  /** The gazetteer's id, when the place was matched to it. */
  placeId?: string;
  /** The words around the passage, so a list of mentions says more than the name again. */
  before?: string;
  after?: string;
}

/** One place on the map and every passage that mentions it. */
export interface MapPoint {
  key: string;
  name: string;
  lat: number;
  lon: number;
  passages: LocatedPassage[];
}

/** Coordinates are grouped to 0.01° (about a kilometre): the same place typed twice. */
const round = (degrees: number) => Math.round(degrees * 100) / 100 + 0; // + 0 turns -0 into 0

const keyOf = (p: LocatedPassage): string => {
  if (p.placeId) return `place:${p.placeId}`;
  const lon = round(p.lon);
  // 180°E and 180°W are the same meridian.
  return `at:${round(p.lat)},${lon === 180 ? -180 : lon}`;
};

const located = (p: LocatedPassage) =>
  Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90;

/** The most common of the names, the first written winning a tie. */
function commonestName(passages: readonly LocatedPassage[]): string {
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  let best = passages[0].name;
  for (const [name, count] of counts) if (count > counts.get(best)!) best = name;
  return best;
}

/**
 * Passages grouped by place (placeId when given, else the same coordinates rounded to 0.01° —
 * names can differ: "Mosul", "the city of Mosul"), most mentioned first; the point's name is the
 * most common name among its passages. A point sits where its first passage puts it. Passages
 * without usable coordinates are left out.
 */
export function mapPoints(passages: readonly LocatedPassage[]): MapPoint[] {
  const groups = new Map<string, LocatedPassage[]>();
  for (const p of passages) {
    if (!located(p)) continue;
    const key = keyOf(p);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const points = [...groups].map(([key, group]): MapPoint => {
    const first = group[0];
    return { key, name: commonestName(group), lat: first.lat, lon: first.lon, passages: group };
  });
  return points.sort(
    (a, b) =>
      b.passages.length - a.passages.length ||
      a.name.localeCompare(b.name) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export const MIN_POINT_RADIUS = 4;
export const MAX_POINT_RADIUS = 18;
/** A single mention's radius when few are shown, so one place is a dot rather than a blot. */
const ONE_MENTION_RADIUS = 6;

/**
 * Point radius in px for a mention count: area grows with count (sqrt), min 4, max 18, given the
 * largest count shown. Areas stay proportional: one mention is 6 px until the largest count
 * would pass 18 px (nine mentions), then everything shrinks so the largest is 18 px; tiny
 * counts never go under 4 px, so they stay clickable.
 */
export function pointRadius(count: number, maxCount: number): number {
  const largest = Math.max(maxCount, count, 1);
  const perMention = Math.min(ONE_MENTION_RADIUS, MAX_POINT_RADIUS / Math.sqrt(largest));
  const r = perMention * Math.sqrt(Math.max(count, 0));
  return Math.min(MAX_POINT_RADIUS, Math.max(MIN_POINT_RADIUS, r));
}

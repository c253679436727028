/** Earliest year a post may carry: older dates are typing mistakes, not history. */
export const FIRST_YEAR = 1990;

/** What `pubDate` and `updatedDate` accept, as the error messages state it. */
export function acceptedDates(maxYear: number): string {
  return `a date YYYY-MM-DD that exists, from ${FIRST_YEAR} to ${maxYear}, optionally with a time and offset as in 2021-06-06T14:30:00+02:00`;
}

// A date, then optionally "T" or a space, hours:minutes[:seconds[.fraction]] and a mandatory offset:
// a time without an offset would mean a different instant on every author's machine.
const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a frontmatter date written as text (YAML 1.2 keeps `2021-06-06` a string): the calendar day
 * must exist and the year lie in FIRST_YEAR..maxYear. Returns the instant, or why the text is refused.
 */
export function parsePostDate(text: string, maxYear: number): { date: Date } | { error: string } {
  const m = DATE_RE.exec(text.trim());
  if (!m) return { error: 'is not in the form YYYY-MM-DD' };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return { error: `has no month ${m[2]} (months are 01 to 12)` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return {
      error: `is not a day of the calendar (${year}-${m[2]} has ${daysInMonth(year, month)} days)`,
    };
  }
  if (year < FIRST_YEAR || year > maxYear) {
    return { error: `is outside the years ${FIRST_YEAR} to ${maxYear}` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { error: 'has no such time of day' };
  const zone = m[8] ?? 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return { error: `has no offset ${zone}` };
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = Number(`0.${m[7] ?? '0'}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(millis));
  return { date: new Date(utc - offsetMinutes * 60_000) };
}

/**
 * The one machine-readable form of every date the site writes (sitemap, `<time datetime>`, meta,
 * JSON-LD; feed@6 writes the same `toISOString()` form in Atom and JSON Feed): RFC 3339 in UTC,
 * e.g. 2021-06-06T00:00:00.000Z. Throws for a date no four-digit year can express.
 */
export function dateTime(date: Date): string {
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(
      `a date the site writes must lie in the years 0000 to 9999; got ${String(date)}`,
    );
  }
  return date.toISOString();
}

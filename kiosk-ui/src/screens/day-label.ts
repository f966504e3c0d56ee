/**
 * One formatter per language, made once: building an Intl.DateTimeFormat (locale data, the first
 * time tens of ms) costs many times a format call, and the list of days would build one per day
 * on every paint.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/**
 * A calendar day as the citizen says it, date and weekday, in the screen's language: "1月2日星期四",
 * "Thursday, January 2". Chromium's own locale data does the wording, so a further language added as
 * a data file gets its dates without code. `date` is YYYY-MM-DD in the hall's calendar; it is shown
 * as that day (formatted in UTC), never shifted by the kiosk's time zone.
 */
export function dayLabel(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatterFor(language).format(new Date(Date.UTC(year, month - 1, day)));
}

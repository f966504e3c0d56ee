/**
 * A calendar day as the citizen says it, date and weekday, in the screen's language: "1月2日星期四",
 * "Thursday, January 2". Chromium's own locale data does the wording, so a further language added as
 * a data file gets its dates without code. `date` is YYYY-MM-DD in the hall's calendar; it is shown
 * as that day (formatted in UTC), never shifted by the kiosk's time zone.
 */
export function dayLabel(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

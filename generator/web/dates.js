/* dates: whole days as UTC midnights, so no time zone or DST can shift a day.
 *
 * "Today" and the day a tick is remembered under are the reader's own calendar day where
 * they are (localDay of new Date()): in Tokyo a tick at 23:30 and one at 01:30 fall on two
 * days, though both are one UTC day. Kept as the UTC midnight of that calendar date, two
 * days are always a whole number of 86,400,000 ms apart, so streaks and calendars count a
 * 23- or 25-hour day (a daylight-saving change) as one day.
 */

function parseDay(text) {
  var m = ISO.exec(text || "");
  if (!m) return null;
  var t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return isoDay(t) === text ? t : null;
}
function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }
function localDay(date) { return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()); }
function today() { return localDay(new Date()); } // the reader's local calendar day
/* Dates reprinted with the patterns and names the build used (generator/views/dates.py,
 * sent in the data), so an unshifted date reads exactly as the page printed it. */
function fill(pattern, t) {
  var d = new Date(t);
  return pattern
    .replace("{weekday}", FORMATS.weekdays[(d.getUTCDay() + 6) % 7])
    .replace("{day}", d.getUTCDate())
    .replace("{month}", FORMATS.months[d.getUTCMonth()])
    .replace("{year}", d.getUTCFullYear());
}
function fmtDay(t) { return fill(FORMATS.day, t); }
/* Two days joined: the range and short formats, and a run of sessions. */
function fmtSpan(first, last, a, b) { return fill(first, a) + FORMATS.separator + fill(last, b); }
function fmtRange(a, b) {
  return fmtSpan(new Date(a).getUTCFullYear() === new Date(b).getUTCFullYear() ? FORMATS.dayInYear : FORMATS.day, FORMATS.day, a, b);
}

/* A moment as ISO 8601 with the reader's own offset ("2026-11-18T14:05:09+09:00"): a note's
 * "updated" (generator/progress_export.py). The offset keeps the reader's clock readable in
 * the file, and two moments still compare as instants. */
function pad(n) { return (n < 10 ? "0" : "") + n; }
function isoMoment(date) {
  var offset = -date.getTimezoneOffset(),
    size = Math.abs(offset);
  return isoDay(localDay(date)) + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds())
    + (offset < 0 ? "-" : "+") + pad(Math.floor(size / 60)) + ":" + pad(size % 60);
}
/* Milliseconds of an ISO 8601 date and time (as an export carries it), or null. */
var MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/;
function parseMoment(text) {
  var t = typeof text === "string" && MOMENT.test(text) ? Date.parse(text) : NaN;
  return isNaN(t) ? null : t;
}

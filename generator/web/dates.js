/* dates: whole days as UTC midnights, so no time zone or DST can shift a day. */

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

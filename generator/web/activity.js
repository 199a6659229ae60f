/* activity: the days the reader ticked things, as a calendar, a list and streaks.
 *
 * Progress page: <p data-hb-streaks> and <div class="hb-calendar-box" data-hb-activity>,
 * a box of fixed height that scrolls sideways on its own (a year is wider than a phone).
 * The grid, weeks as columns and days as rows like a contribution calendar, is a picture
 * (aria-hidden); what it shows is also written as text a screen reader reads in its place:
 * each day with ticks, its date and how many.
 *
 * It counts ticks, videos included, on the day each was made: what the reader did that day.
 * Progress and pace count items (units: two videos of one search are one item), so the page
 * says "ticks" here and "items" there.
 */

var LEVELS = [1, 2, 4, 6]; // ticks a day from which a cell is one shade darker: 1, 2–3, 4–5, 6+

/* Day (its UTC-midnight ms) → ticks made on it, counting the ticks still ticked. */
function activityOf(slug) {
  var days = load(slug).days,
    counts = {};
  Object.keys(days).forEach(function (id) {
    var t = parseDay(days[id]);
    counts[t] = (counts[t] || 0) + 1;
  });
  return counts;
}
/* Runs of consecutive days with at least one tick. The current run ends today or yesterday:
 * today is not over, so a streak is not lost before the day ends. */
function streaksOf(counts) {
  var days = Object.keys(counts).map(Number).sort(function (a, b) { return a - b; }),
    longest = 0,
    run = 0,
    current = 0,
    t = today();
  days.forEach(function (day, index) {
    run = index && day - days[index - 1] === DAY ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  if (!counts[t]) t -= DAY;
  for (; counts[t]; t -= DAY) current += 1;
  return { current: current, longest: longest, days: days };
}
function level(n) { return LEVELS.filter(function (least) { return n >= least; }).length; }

function showStreaks(line, slug, counts, streaks) {
  var ticks = 0,
    undated = load(slug).done.size - Object.keys(load(slug).days).length;
  streaks.days.forEach(function (t) { ticks += counts[t]; });
  line.textContent = "";
  if (!streaks.days.length) {
    line.append("No tick with a day yet: the calendar fills in as you tick items.");
  } else {
    line.append(el("strong", "", "Current streak: " + plural(streaks.current, "day")),
      " · longest: " + plural(streaks.longest, "day") + " · " + plural(ticks, "tick") + " on " + plural(streaks.days.length, "day"));
  }
  if (undated > 0) line.append(" · " + plural(undated, "tick") + " without a day (made before days were kept)");
}

function showCalendar(box, slug, counts, streaks) {
  var now = today(),
    days = streaks.days,
    first = Math.min(startOf(slug), days.length ? days[0] : Infinity),
    last = Math.max(endOf(slug), days.length ? days[days.length - 1] : -Infinity),
    week = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY, // the Monday of the first week
    grid = el("div", "hb-calendar"),
    list = el("ul", "hb-sr"),
    mark = null;
  grid.setAttribute("aria-hidden", "true");
  ["", "Mon", "", "Wed", "", "Fri", "", ""].forEach(function (name) { grid.append(el("span", "hb-cal-label", name)); });
  for (; week <= last; week += 7 * DAY) {
    grid.append(el("span", "hb-cal-month", monthLabel(week, first)));
    for (var t = week; t < week + 7 * DAY; t += DAY) {
      var n = counts[t] || 0,
        cell = grid.appendChild(el("span", "hb-cal-day"));
      if (t < first || t > last) {
        cell.classList.add("hb-cal-out");
        continue;
      }
      cell.classList.add("hb-cal-" + level(n));
      cell.classList.toggle("hb-cal-later", t > now);
      cell.title = fmtDay(t) + ": " + plural(n, "tick");
      if (t === now) mark = cell;
      if (n) list.append(el("li", "", fmtDay(t) + ": " + plural(n, "tick")));
    }
  }
  if (mark) mark.classList.add("hb-cal-today");
  box.textContent = "";
  box.append(grid, el("p", "hb-sr", list.firstChild
    ? "Days with ticks between " + fmtDay(first) + " and " + fmtDay(last) + ", the other days have none:"
    : "No day between " + fmtDay(first) + " and " + fmtDay(last) + " has a tick yet."), list);
  /* Today in view: the end of a long roadmap is off to the right on a phone. */
  box.scrollLeft = mark ? mark.offsetLeft - box.clientWidth / 2 : now > last ? box.scrollWidth : 0;
}
/* A column's month: where a month's first day falls, and on the first column unless the
 * next month begins within two weeks (the two names would overlap). */
function monthLabel(week, first) {
  for (var t = week; t < week + 7 * DAY; t += DAY) {
    var date = new Date(t);
    if (date.getUTCDate() === 1 && t >= first) return FORMATS.months[date.getUTCMonth()];
  }
  date = new Date(first);
  return week <= first && date.getUTCDate() <= 17 ? FORMATS.months[date.getUTCMonth()] : "";
}

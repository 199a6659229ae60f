/* pace: where the reader stands against their start date, and when they would finish.
 *
 * Progress page: <div data-hb-pace>. Items are progress units, as on the bars. By the end of
 * today the roadmap expects the units of the weeks already behind the reader, and a share of
 * the current week's by its days gone (weeks differ in size, so a week is the unit both ways).
 * The reader's own place is the week their done count reaches, measured the same way: within
 * half a week of the calendar is on track. The finish date comes from the reader's own recent
 * pace (the days their ticks remember), never from the plan: with no dated tick there is none.
 */

var RECENT = 28; // days of ticks the pace is measured over: the last four weeks

/* Weeks x (fractional) of the roadmap → units they hold, and back. */
function unitsBy(through, x) {
  var k = Math.floor(x);
  return k >= through.length - 1 ? through[k] : through[k] + (x - k) * (through[k + 1] - through[k]);
}
function weeksFor(through, done) {
  var k = 0;
  while (k < through.length - 1 && through[k + 1] <= done) k += 1;
  return k === through.length - 1 ? k : k + (done - through[k]) / (through[k + 1] - through[k]);
}

function paceOf(slug) {
  var state = load(slug),
    through = unitsThrough(slug),
    weeks = weekCount(slug),
    now = today(),
    start = startOf(slug),
    done = 0,
    dated = []; // each done unit's first dated tick
  unitsOf(slug, 0).forEach(function (unit) {
    if (!isDone(state.done, unit)) return;
    done += 1;
    var days = unit.map(function (id) { return parseDay(state.days[id]); }).filter(function (t) { return t !== null; });
    if (days.length) dated.push(Math.min.apply(null, days));
  });
  var elapsed = Math.min(weeks, Math.max(0, (now - start) / DAY + 1) / 7),
    ahead = weeksFor(through, done) - elapsed,
    recent = dated.filter(function (t) { return t > now - RECENT * DAY && t <= now; }),
    since = Math.max(now - (RECENT - 1) * DAY, Math.min.apply(null, dated)),
    span = Math.min(RECENT, Math.max(7, (now - since) / DAY + 1));
  return {
    done: done, total: through[weeks], start: start, started: now >= start,
    expected: Math.round(unitsBy(through, elapsed)), ahead: ahead,
    dated: dated.length, recent: recent.length, since: since, span: span,
    rate: recent.length / span // units a day
  };
}

function showPace(box, slug) {
  var pace = paceOf(slug),
    left = pace.total - pace.done,
    from = (load(slug).start ? "your start on " : "the roadmap's start on ") + fmtDay(pace.start),
    status = el("p", "hb-pace-status"),
    outlook = el("p", "hb-pace-outlook"),
    items = pace.done - pace.expected,
    weeks = Math.round(Math.abs(pace.ahead)),
    where = pace.done + " of " + plural(pace.total, "item") + " done; by today, the roadmap expects about " + pace.expected + " (from " + from + ").";
  if (!left) {
    status.append(el("strong", "", "All done. "), "Every one of the " + plural(pace.total, "item") + " is ticked.");
  } else if (!pace.started) {
    status.append(el("strong", "", "Not started yet. "), "Week 1 starts on " + fmtDay(pace.start) + ": nothing is expected before then"
      + (pace.done ? "; you have done " + plural(pace.done, "item") + " already." : "."));
  } else if (Math.abs(pace.ahead) < 0.5) {
    status.append(el("strong", "", "On track. "), where);
  } else {
    status.append(el("strong", "", (pace.ahead > 0 ? "Ahead" : "Behind") + " by " + plural(Math.max(1, Math.abs(items)), "item")
      + " (about " + plural(weeks, "week") + "). "), where);
  }
  if (!left) {
    outlook = null;
  } else if (!pace.dated) {
    outlook.textContent = "No pace yet: none of your ticks has a day, so there is no finish date to project. Each tick from now on remembers its day.";
  } else if (!pace.recent) {
    outlook.textContent = "No ticks in the last four weeks, so there is no recent pace to project a finish date from.";
  } else {
    var finish = today() + Math.ceil(left / pace.rate) * DAY,
      late = Math.round((finish - endOf(slug)) / DAY),
      perWeek = pace.rate * 7;
    outlook.append("At your pace " + (pace.span < RECENT ? "since " + fmtDay(pace.since) : "over the last four weeks") + " ("
      + plural(pace.recent, "item") + ", about " + (perWeek < 10 ? Math.round(perWeek * 10) / 10 : Math.round(perWeek)) + " a week), you would finish around ",
      el("strong", "", fmtDay(finish)),
      Math.abs(late) < 4 ? ", when your week " + weekCount(slug) + " ends." : ", about " + plural(Math.max(1, Math.round(Math.abs(late) / 7)), "week")
        + (late > 0 ? " after" : " before") + " your week " + weekCount(slug) + " ends (" + fmtDay(endOf(slug)) + ").");
  }
  box.textContent = "";
  box.append(status);
  if (outlook) box.append(outlook);
}

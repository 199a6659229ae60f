/* when: what depends on today and on the reader's start date: dates moved to that start, this
 * week, days left until what is due, sessions on the reader's clock, and the now page. */

/* ---- dates: <span class="hb-dates" data-roadmap data-start data-end? data-format> ---- */

var contentText = new WeakMap();
function showDates() {
  each(".hb-dates", function (span) {
    var slug = data(span, "roadmap");
    if (!ROADMAPS[slug]) return;
    if (!contentText.has(span)) contentText.set(span, span.textContent);
    var shift = shiftDays(slug) * DAY,
      start = parseDay(data(span, "start")),
      end = parseDay(data(span, "end"));
    if (!shift || start === null) {
      span.textContent = contentText.get(span);
      span.classList.remove("hb-shifted");
      span.removeAttribute("title");
      return;
    }
    var format = data(span, "format");
    start += shift;
    if (end !== null) end += shift;
    span.textContent = format === "short" ? fmtSpan(FORMATS.short, FORMATS.short, start, end)
      : format === "range" && end !== null ? fmtRange(start, end) : fmtDay(start);
    span.classList.add("hb-shifted");
    span.title = "Your dates. The roadmap's: " + contentText.get(span);
  });
}

/* ---- this week: overview rows, week pages, "now" lines on home and overview ---- */

function showThisWeek() {
  each(".hb-current", function (row) {
    row.classList.remove("hb-current");
    var link = row.querySelector("[aria-current]");
    if (link) link.removeAttribute("aria-current");
  });
  each(".hb-badge", function (badge) { badge.remove(); });
  roadmapsOn("[data-roadmap]").forEach(function (slug) {
    var where = position(slug);
    if (where.state !== "during") return;
    each('.hb-progress[data-roadmap="' + slug + '"][data-week="' + where.week + '"]', function (box) {
      var row = box.closest(".hb-row");
      if (!row) return;
      row.classList.add("hb-current");
      var link = row.querySelector(".hb-row-link");
      if (link) link.setAttribute("aria-current", "date");
      row.querySelector(".hb-row-week").append(el("strong", "hb-badge", "This week"));
    });
    var header = document.querySelector('.hb-week[data-roadmap="' + slug + '"][data-week="' + where.week + '"] .hb-when');
    if (header) header.append(el("strong", "hb-badge", "This week"));
  });
  each(".hb-now", function (line) {
    var slug = data(line, "roadmap");
    if (!ROADMAPS[slug]) return;
    var where = position(slug);
    line.textContent = "";
    if (where.state === "during") {
      line.append(anchor("This week: Week " + where.week + " · " + where.title, weekUrl(slug, where.week)));
    } else if (where.state === "before") {
      line.textContent = "Starts " + fmtDay(where.start);
    } else {
      line.textContent = "Ended " + fmtDay(where.end);
    }
  });
}

/* ---- days left: <span class="hb-countdown" data-roadmap data-due> after a due date ---- */

function showCountdowns() {
  each(".hb-countdown", function (span) {
    var slug = data(span, "roadmap"),
      due = parseDay(data(span, "due"));
    if (!ROADMAPS[slug] || due === null) return;
    var days = Math.round((due + shiftDays(slug) * DAY - today()) / DAY);
    span.textContent = " · " + (days === 0 ? "today" : days === 1 ? "tomorrow" : days === -1 ? "yesterday"
      : days > 0 ? "in " + days + " days" : -days + " days ago");
  });
}

/* ---- sessions in the reader's own time zone, when it is not the roadmap's ----
 * <span class="hb-session" data-zone data-start data-end data-last>: the first session of a run
 * of days (ISO instants with offset) and the run's last day; the page prints them in the
 * roadmap's zone, and this adds the reader's clock (the day may move too). */

function clock(date) { return date.toTimeString().slice(0, 5); } // "13:05", the reader's clock
function showSessions() {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  each(".hb-session", function (span) {
    var start = new Date(data(span, "start")),
      end = new Date(data(span, "end")),
      lastDay = parseDay(data(span, "last")),
      firstDay = parseDay(data(span, "start").slice(0, 10));
    if (zone === data(span, "zone") || isNaN(start) || isNaN(end) || lastDay === null || firstDay === null) return;
    if (clock(start) === data(span, "start").slice(11, 16) && localDay(start) === firstDay) return;
    var first = localDay(start),
      last = lastDay + (first - firstDay),
      days = first === last ? fill(FORMATS.dayInYear, first) : fmtSpan(FORMATS.dayInYear, FORMATS.dayInYear, first, last);
    span.after(el("span", "hb-local", " (your time, " + zone.replace(/_/g, " ") + ": " + days + ", " + clock(start) + "–" + clock(end) + ")"));
  });
}

/* ---- /<slug>/now/: go to this week, or say why not ---- */

function runNowPage() {
  var page = document.querySelector(".hb-now-page");
  if (!page || !ROADMAPS[data(page, "roadmap")]) return;
  var slug = data(page, "roadmap"),
    where = position(slug);
  if (where.state === "during") {
    location.replace(weekUrl(slug, where.week));
    return;
  }
  var status = page.querySelector(".hb-now-status");
  status.textContent = "";
  var title = ROADMAPS[slug].title;
  if (where.state === "before") {
    var days = Math.round((where.start - today()) / DAY);
    status.append(el("strong", "", "Not started yet. "),
      title + " starts on " + fmtDay(where.start) + " (in " + days + (days === 1 ? " day" : " days") + "). ",
      anchor("Week 1 · " + ROADMAPS[slug].weeks[0].title, weekUrl(slug, 1)));
  } else {
    status.append(el("strong", "", "This roadmap has ended. "),
      title + " ended on " + fmtDay(where.end) + ". ",
      anchor("Last week: Week " + weekCount(slug), weekUrl(slug, weekCount(slug))));
  }
}

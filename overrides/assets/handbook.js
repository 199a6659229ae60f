/* Study Handbook in the reader's browser: saved progress, "this week", personal dates.
 *
 * Why here and not at build time: what a reader ticked and what today's date is are only
 * known in the browser, and a site built weeks ago must still know which week it is.
 * No framework and no server: state lives in localStorage, one key per roadmap:
 *   "study-handbook:v1:<slug>" -> {"done": ["<slug>/wNN/<item>", ...], "start": "YYYY-MM-DD" | null}
 * Roadmap facts (start date, week titles, item ids) come from assets/handbook-data.js,
 * which `handbook render` generates from the content. Without JavaScript every page
 * still shows the content's dates; only the interactive parts stay hidden.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = (script && script.getAttribute("data-root")) || ".";
  var DIRECTORY_URLS = !script || script.getAttribute("data-directory-urls") !== "false";
  var DATA = window.handbookData || {};
  var ROADMAPS = DATA.roadmaps || {};
  var FORMATS = DATA.formats;
  var KEY = "study-handbook:v1:";
  var FORMAT = "study-handbook-progress";
  var DAY = 86400000;
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  var ITEM = new RegExp(DATA.idPattern || "^$");

  /* ---- dates: whole days as UTC midnights, so no time zone or DST can shift a day ---- */

  function parseDay(text) {
    var m = ISO.exec(text || "");
    if (!m) return null;
    var t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return new Date(t).toISOString().slice(0, 10) === text ? t : null;
  }
  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }
  function today() {
    var now = new Date(); // the reader's local calendar day
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }
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
  function fmtRange(a, b) {
    var sameYear = new Date(a).getUTCFullYear() === new Date(b).getUTCFullYear();
    return fill(sameYear ? FORMATS.dayInYear : FORMATS.day, a) + FORMATS.separator + fill(FORMATS.day, b);
  }
  function fmtShort(a, b) { return fill(FORMATS.short, a) + FORMATS.separator + fill(FORMATS.short, b); }

  /* ---- saved state ---- */

  var cache = {};
  function load(slug) {
    if (cache[slug]) return cache[slug];
    var saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(KEY + slug) || "{}") || {};
    } catch (error) { // unreadable or blocked storage: start empty rather than break the page
      saved = {};
    }
    var done = Array.isArray(saved.done) ? saved.done.filter(isItem) : [];
    cache[slug] = { done: new Set(done), start: parseDay(saved.start) === null ? null : saved.start };
    return cache[slug];
  }
  function save(slug) {
    var state = load(slug);
    var value = JSON.stringify({ done: Array.from(state.done).sort(), start: state.start });
    try {
      localStorage.setItem(KEY + slug, value);
      return true;
    } catch (error) { // quota exceeded or storage disabled: say so where it matters
      return false;
    }
  }
  function isItem(value) { return typeof value === "string" && ITEM.test(value); }

  /* ---- roadmap facts ---- */

  function contentStart(slug) { return parseDay(ROADMAPS[slug].start); }
  function startOf(slug) { return parseDay(load(slug).start) || contentStart(slug); }
  function shiftDays(slug) { return Math.round((startOf(slug) - contentStart(slug)) / DAY); }
  function weekCount(slug) { return ROADMAPS[slug].weeks.length; }
  function endOf(slug) { return startOf(slug) + (7 * weekCount(slug) - 1) * DAY; }
  /* Progress units of one week (or of the whole roadmap): a unit is done when any of its
   * ids is ticked (a "pick one" choice, or the videos of a search). A two-week block's units
   * appear under both its weeks; a unit is counted once. */
  function unitsOf(slug, week) {
    var weeks = week ? [ROADMAPS[slug].weeks[week - 1]] : ROADMAPS[slug].weeks;
    var seen = {};
    var units = [];
    weeks.forEach(function (w) {
      if (!w) return;
      w.units.forEach(function (unit) {
        var key = unit.join(" ");
        if (seen[key]) return;
        seen[key] = true;
        units.push(unit.map(function (id) { return slug + "/" + id; }));
      });
    });
    return units;
  }
  /* Where the reader is: before the start, in week n, or after the end. */
  function position(slug) {
    var n = Math.floor((today() - startOf(slug)) / (7 * DAY)) + 1;
    if (n < 1) return { state: "before", start: startOf(slug) };
    if (n > weekCount(slug)) return { state: "after", end: endOf(slug) };
    return { state: "during", week: n, title: ROADMAPS[slug].weeks[n - 1].title };
  }
  /* A week's page comes from the data; only the suffix depends on how this copy was built. */
  function weekUrl(slug, n) {
    return ROOT + "/" + ROADMAPS[slug].weeks[n - 1].page + (DIRECTORY_URLS ? "/" : ".html");
  }
  function roadmapsOn(selector) {
    var slugs = new Set();
    document.querySelectorAll(selector).forEach(function (el) {
      if (ROADMAPS[el.getAttribute("data-roadmap")]) slugs.add(el.getAttribute("data-roadmap"));
    });
    return Array.from(slugs);
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- checkboxes ---- */

  function bindCheckboxes() {
    document.querySelectorAll("input[type=checkbox][data-item]").forEach(function (box) {
      var id = box.getAttribute("data-item");
      var slug = id.split("/")[0];
      if (!ROADMAPS[slug]) return;
      box.addEventListener("change", function () {
        var state = load(slug);
        if (box.checked) state.done.add(id); else state.done.delete(id);
        save(slug);
        refresh();
      });
    });
  }
  function showCheckboxes() {
    document.querySelectorAll("input[type=checkbox][data-item]").forEach(function (box) {
      var id = box.getAttribute("data-item");
      var slug = id.split("/")[0];
      if (ROADMAPS[slug]) box.checked = load(slug).done.has(id);
    });
  }

  /* ---- progress bars: <span class="hb-progress" data-roadmap data-week? data-label> ---- */

  function showBars() {
    document.querySelectorAll(".hb-progress[data-roadmap]").forEach(function (box) {
      var slug = box.getAttribute("data-roadmap");
      if (!ROADMAPS[slug]) return;
      var week = +box.getAttribute("data-week") || 0;
      var items = unitsOf(slug, week);
      var done = load(slug).done;
      var count = items.filter(function (unit) { return unit.some(function (id) { return done.has(id); }); }).length;
      box.hidden = items.length === 0;
      if (!box.firstChild) {
        var bar = el("progress");
        bar.setAttribute("aria-label", box.getAttribute("data-label") || "Progress");
        box.appendChild(bar);
        box.appendChild(el("span", "hb-progress-text"));
      }
      box.firstChild.max = items.length || 1;
      box.firstChild.value = count;
      var prefix = box.closest(".hb-row") ? "" : (box.getAttribute("data-label") || "Progress") + ": ";
      box.lastChild.textContent = prefix + count + " of " + items.length + " done";
      box.classList.toggle("hb-complete", items.length > 0 && count === items.length);
    });
  }

  /* ---- dates: <span class="hb-dates" data-roadmap data-start data-end? data-format> ---- */

  var contentText = new WeakMap();
  function showDates() {
    document.querySelectorAll(".hb-dates[data-roadmap]").forEach(function (span) {
      var slug = span.getAttribute("data-roadmap");
      if (!ROADMAPS[slug]) return;
      if (!contentText.has(span)) contentText.set(span, span.textContent);
      var shift = shiftDays(slug) * DAY;
      var start = parseDay(span.getAttribute("data-start"));
      var end = parseDay(span.getAttribute("data-end"));
      if (!shift || start === null) {
        span.textContent = contentText.get(span);
        span.classList.remove("hb-shifted");
        span.removeAttribute("title");
        return;
      }
      var format = span.getAttribute("data-format");
      start += shift;
      if (end !== null) end += shift;
      span.textContent = format === "short" ? fmtShort(start, end)
        : format === "range" && end !== null ? fmtRange(start, end) : fmtDay(start);
      span.classList.add("hb-shifted");
      span.title = "Your dates. The roadmap's: " + contentText.get(span);
    });
  }

  /* ---- this week: overview rows, week pages, "now" lines on home and overview ---- */

  function showThisWeek() {
    document.querySelectorAll(".hb-current").forEach(function (row) {
      row.classList.remove("hb-current");
      var link = row.querySelector("[aria-current]");
      if (link) link.removeAttribute("aria-current");
    });
    document.querySelectorAll(".hb-badge").forEach(function (badge) { badge.remove(); });
    roadmapsOn("[data-roadmap]").forEach(function (slug) {
      var where = position(slug);
      if (where.state !== "during") return;
      document.querySelectorAll('.hb-progress[data-roadmap="' + slug + '"][data-week="' + where.week + '"]').forEach(function (box) {
        var row = box.closest(".hb-row");
        if (!row) return;
        row.classList.add("hb-current");
        var link = row.querySelector(".hb-row-link");
        if (link) link.setAttribute("aria-current", "date");
        row.querySelector(".hb-row-week").appendChild(el("strong", "hb-badge", "This week"));
      });
      var header = document.querySelector('.hb-week[data-roadmap="' + slug + '"][data-week="' + where.week + '"] .hb-when');
      if (header) header.appendChild(el("strong", "hb-badge", "This week"));
    });
    document.querySelectorAll(".hb-now[data-roadmap]").forEach(function (line) {
      var slug = line.getAttribute("data-roadmap");
      if (!ROADMAPS[slug]) return;
      var where = position(slug);
      line.textContent = "";
      if (where.state === "during") {
        var link = el("a", "hb-now-link", "This week: Week " + where.week + " · " + where.title);
        link.href = weekUrl(slug, where.week);
        line.appendChild(link);
      } else if (where.state === "before") {
        line.textContent = "Starts " + fmtDay(where.start);
      } else {
        line.textContent = "Ended " + fmtDay(where.end);
      }
    });
  }

  /* ---- days left: <span class="hb-countdown" data-roadmap data-due> after a due date ---- */

  function showCountdowns() {
    document.querySelectorAll(".hb-countdown[data-due]").forEach(function (span) {
      var slug = span.getAttribute("data-roadmap");
      var due = parseDay(span.getAttribute("data-due"));
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

  function localDay(date) { return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()); }
  function clock(date) { return (date.getHours() < 10 ? "0" : "") + date.getHours() + ":" + (date.getMinutes() < 10 ? "0" : "") + date.getMinutes(); }
  function showSessions() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (error) { return; }
    document.querySelectorAll(".hb-session[data-start]").forEach(function (span) {
      var next = span.nextElementSibling;
      if (next && next.classList.contains("hb-local")) next.remove();
      var start = new Date(span.getAttribute("data-start"));
      var end = new Date(span.getAttribute("data-end"));
      var lastDay = parseDay(span.getAttribute("data-last"));
      var firstDay = parseDay(span.getAttribute("data-start").slice(0, 10));
      if (!zone || zone === span.getAttribute("data-zone") || isNaN(start) || isNaN(end) || lastDay === null || firstDay === null) return;
      if (clock(start) === span.getAttribute("data-start").slice(11, 16) && localDay(start) === firstDay) return;
      var first = localDay(start);
      var last = lastDay + (first - firstDay);
      var days = first === last ? fill(FORMATS.dayInYear, first) : fill(FORMATS.dayInYear, first) + FORMATS.separator + fill(FORMATS.dayInYear, last);
      var local = el("span", "hb-local", " (your time, " + zone.replace(/_/g, " ") + ": " + days + ", " + clock(start) + "–" + clock(end) + ")");
      span.after(local);
    });
  }

  /* ---- /<slug>/now/: go to this week, or say why not ---- */

  function runNowPage() {
    var page = document.querySelector(".hb-now-page[data-roadmap]");
    if (!page || !ROADMAPS[page.getAttribute("data-roadmap")]) return;
    var slug = page.getAttribute("data-roadmap");
    var where = position(slug);
    if (where.state === "during") {
      location.replace(weekUrl(slug, where.week));
      return;
    }
    var status = page.querySelector(".hb-now-status");
    status.textContent = "";
    var title = ROADMAPS[slug].title;
    if (where.state === "before") {
      var days = Math.round((where.start - today()) / DAY);
      status.appendChild(el("strong", "", "Not started yet. "));
      status.appendChild(document.createTextNode(title + " starts on " + fmtDay(where.start) +
        " (in " + days + (days === 1 ? " day" : " days") + "). "));
      var first = el("a", "", "Week 1 · " + ROADMAPS[slug].weeks[0].title);
      first.href = weekUrl(slug, 1);
      status.appendChild(first);
    } else {
      status.appendChild(el("strong", "", "This roadmap has ended. "));
      status.appendChild(document.createTextNode(title + " ended on " + fmtDay(where.end) + ". "));
      var last = el("a", "", "Last week: Week " + weekCount(slug));
      last.href = weekUrl(slug, weekCount(slug));
      status.appendChild(last);
    }
  }

  /* ---- progress page: export, import (merge), reset, personal start date ---- */

  function message(tools, which, text, isError) {
    var box = tools.querySelector('[data-hb-message="' + which + '"]');
    box.textContent = text;
    box.classList.toggle("hb-error", !!isError);
    box.setAttribute("role", isError ? "alert" : "status");
  }

  function exportProgress(tools, slug) {
    var state = load(slug);
    var body = JSON.stringify({
      format: FORMAT, version: 1, roadmap: slug, exported: isoDay(today()),
      start: state.start, done: Array.from(state.done).sort()
    }, null, 2) + "\n";
    var url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    var link = el("a");
    link.href = url;
    link.download = "study-handbook-" + slug + "-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    message(tools, "progress", "Exported " + state.done.size + " ticked items to " + link.download + ".");
  }

  /* Returns an error text, or null after merging the file into this browser's progress. */
  function importProgress(tools, slug, text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return "That file is not valid JSON, so nothing was imported.";
    }
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return "That file is not a Study Handbook progress export, so nothing was imported.";
    }
    if (data.roadmap !== slug) {
      return "That file holds progress for \"" + data.roadmap + "\", not for this roadmap, so nothing was imported.";
    }
    if (!Array.isArray(data.done) || !data.done.every(function (id) { return isItem(id) && id.indexOf(slug + "/") === 0; })) {
      return "That file is damaged (its list of ticked items is malformed), so nothing was imported.";
    }
    if (data.start !== null && data.start !== undefined && parseDay(data.start) === null) {
      return "That file is damaged (its start date is not a date), so nothing was imported.";
    }
    var state = load(slug);
    var added = data.done.filter(function (id) { return !state.done.has(id); });
    added.forEach(function (id) { state.done.add(id); });
    var note = "";
    if (data.start && !state.start) {
      state.start = data.start;
      note = " Your start date " + fmtDay(parseDay(data.start)) + " was imported too.";
    }
    if (!save(slug)) return "This browser refused to save the imported progress (storage is full or blocked).";
    message(tools, "progress", "Imported " + data.done.length + " ticked items (" + added.length + " new)." + note);
    return null;
  }

  function showStart(tools, slug) {
    var input = tools.querySelector('[data-hb-field="start"]');
    input.value = isoDay(startOf(slug));
  }

  function bindTools() {
    var tools = document.querySelector(".hb-tools[data-roadmap]");
    if (!tools || !ROADMAPS[tools.getAttribute("data-roadmap")]) return;
    var slug = tools.getAttribute("data-roadmap");
    tools.querySelector(".hb-nojs").hidden = true;
    tools.querySelector(".hb-js-only").hidden = false;
    showStart(tools, slug);
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-hb-action]");
      if (!button) return;
      var action = button.getAttribute("data-hb-action");
      var state = load(slug);
      if (action === "export") {
        exportProgress(tools, slug);
      } else if (action === "reset") {
        if (!window.confirm("Reset all progress for " + ROADMAPS[slug].title + "? Every ticked item is unticked. This cannot be undone (export first to keep a copy).")) {
          message(tools, "progress", "Nothing was reset.");
          return;
        }
        state.done.clear();
        save(slug);
        message(tools, "progress", "All progress for this roadmap was reset.");
      } else if (action === "start") {
        var value = tools.querySelector('[data-hb-field="start"]').value;
        if (parseDay(value) === null) {
          message(tools, "start", "Please enter a date such as 2026-02-02.", true);
          return;
        }
        state.start = value === ROADMAPS[slug].start ? null : value;
        save(slug);
        message(tools, "start", "Week 1 now starts on " + fmtDay(startOf(slug)) + "; dates on this roadmap's pages follow it.");
      } else if (action === "unstart") {
        state.start = null;
        save(slug);
        showStart(tools, slug);
        message(tools, "start", "Back to the roadmap's dates: week 1 starts on " + fmtDay(startOf(slug)) + ".");
      }
      refresh();
    });
    tools.querySelector('input[type=file][data-hb-action="import"]').addEventListener("change", function (event) {
      var input = event.target;
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var error = importProgress(tools, slug, text);
        if (error) message(tools, "progress", error, true);
        input.value = "";
        refresh();
      });
    });
  }

  /* ---- offline copy link: hidden inside the offline copy and where no zip was built ---- */

  function checkOfflineLink() {
    document.querySelectorAll(".hb-offline").forEach(function (box) {
      var link = box.querySelector("a");
      if (location.protocol === "file:" || !link) {
        box.hidden = true;
        return;
      }
      fetch(link.href, { method: "HEAD" }).then(function (response) {
        box.hidden = !response.ok;
      }, function () { box.hidden = true; });
    });
  }

  function refresh() {
    cache = {};
    showCheckboxes();
    showBars();
    showDates();
    showThisWeek();
    showCountdowns();
  }

  /* Instant navigation is off, so this runs once per page load; the storage event keeps
   * other open tabs in step, and pageshow covers pages restored from the back/forward cache. */
  document.documentElement.classList.add("hb-js");
  bindCheckboxes();
  bindTools();
  refresh();
  showSessions();
  runNowPage();
  checkOfflineLink();
  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf(KEY) === 0) refresh();
  });
  window.addEventListener("pageshow", function (event) { if (event.persisted) refresh(); });
})();

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
  var script = document.currentScript;
  var ROOT = (script && data(script, "root")) || ".",
    DIRECTORY_URLS = !script || data(script, "directory-urls") !== "false",
    DATA = window.handbookData || {},
    ROADMAPS = DATA.roadmaps || {},
    FORMATS = DATA.formats,
    KEY = "study-handbook:v1:",
    FORMAT = "study-handbook-progress",
    DAY = 86400000,
    ISO = /^(\d{4})-(\d{2})-(\d{2})$/,
    ITEM = new RegExp(DATA.idPattern || "^$");

  /* Short names for what every part below does, so the minified script stays small. */
  function each(selector, action) { document.querySelectorAll(selector).forEach(action); }
  function data(node, name) { return node.getAttribute("data-" + name); }

  /* ---- dates: whole days as UTC midnights, so no time zone or DST can shift a day ---- */

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
    var state = load(slug),
      value = JSON.stringify({ done: Array.from(state.done).sort(), start: state.start });
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
    var weeks = week ? [ROADMAPS[slug].weeks[week - 1]] : ROADMAPS[slug].weeks,
      seen = {},
      units = [];
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
    each(selector, function (el) {
      if (ROADMAPS[data(el, "roadmap")]) slugs.add(data(el, "roadmap"));
    });
    return Array.from(slugs);
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function anchor(text, href) {
    var link = el("a", "", text);
    link.href = href;
    return link;
  }


  /* ---- checkboxes ---- */

  function bindCheckboxes() {
    each("input[data-item]", function (box) {
      var id = data(box, "item"),
        slug = id.split("/")[0];
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
    each("input[data-item]", function (box) {
      var id = data(box, "item"),
        slug = id.split("/")[0];
      if (ROADMAPS[slug]) box.checked = load(slug).done.has(id);
    });
  }

  /* ---- progress bars: <span class="hb-progress" data-roadmap data-week? data-label> ---- */

  function showBars() {
    each(".hb-progress", function (box) {
      var slug = data(box, "roadmap");
      if (!ROADMAPS[slug]) return;
      var week = +data(box, "week") || 0,
        items = unitsOf(slug, week),
        done = load(slug).done,
        count = items.filter(function (unit) { return unit.some(function (id) { return done.has(id); }); }).length;
      box.hidden = items.length === 0;
      if (!box.firstChild) {
        var bar = el("progress");
        bar.setAttribute("aria-label", data(box, "label"));
        box.append(bar);
        box.append(el("span", "hb-progress-text"));
      }
      box.firstChild.max = items.length || 1;
      box.firstChild.value = count;
      var prefix = box.closest(".hb-row") ? "" : data(box, "label") + ": ";
      box.lastChild.textContent = prefix + count + " of " + items.length + " done";
      box.classList.toggle("hb-complete", items.length > 0 && count === items.length);
    });
  }

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
    var url = URL.createObjectURL(new Blob([body], { type: "application/json" })),
      link = el("a");
    link.href = url;
    link.download = "study-handbook-" + slug + "-progress.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    message(tools, "progress", "Exported " + state.done.size + " ticked items to " + link.download + ".");
  }

  /* Returns an error text, or null after merging the file into this browser's progress. */
  var REFUSED = ", so nothing was imported.";
  function importProgress(tools, slug, text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return "That file is not valid JSON" + REFUSED;
    }
    if (!file || typeof file !== "object" || file.format !== FORMAT) {
      return "That file is not a Study Handbook progress export" + REFUSED;
    }
    if (file.roadmap !== slug) {
      return "That file holds progress for \"" + file.roadmap + "\", not for this roadmap" + REFUSED;
    }
    if (!Array.isArray(file.done) || !file.done.every(function (id) { return isItem(id) && id.indexOf(slug + "/") === 0; })) {
      return "That file's list of ticked items is damaged" + REFUSED;
    }
    if (file.start !== null && file.start !== undefined && parseDay(file.start) === null) {
      return "That file's start date is damaged" + REFUSED;
    }
    var state = load(slug),
      added = file.done.filter(function (id) { return !state.done.has(id); });
    added.forEach(function (id) { state.done.add(id); });
    var note = "";
    if (file.start && !state.start) {
      state.start = file.start;
      note = " Your start date " + fmtDay(parseDay(file.start)) + " was imported too.";
    }
    if (!save(slug)) return "This browser could not save the progress (its storage is full or blocked).";
    message(tools, "progress", "Imported " + file.done.length + " ticked items (" + added.length + " new)." + note);
    return null;
  }

  function showStart(tools, slug) {
    var input = tools.querySelector('[data-hb-field="start"]');
    input.value = isoDay(startOf(slug));
  }

  function bindTools() {
    var tools = document.querySelector(".hb-tools");
    if (!tools || !ROADMAPS[data(tools, "roadmap")]) return;
    var slug = data(tools, "roadmap");
    tools.querySelector(".hb-nojs").hidden = true;
    tools.querySelector(".hb-js-only").hidden = false;
    showStart(tools, slug);
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-hb-action]");
      if (!button) return;
      var action = data(button, "hb-action"),
        state = load(slug);
      if (action === "export") {
        exportProgress(tools, slug);
      } else if (action === "reset") {
        if (!window.confirm("Reset all progress for " + ROADMAPS[slug].title + "? Every item is unticked; this cannot be undone (export first to keep a copy).")) {
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
      var input = event.target,
        file = input.files && input.files[0];
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
    each(".hb-offline", function (box) {
      if (location.protocol === "file:") box.hidden = true;
      else fetch(box.querySelector("a").href, { method: "HEAD" }).then(function (response) {
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

  /* Instant navigation is off, so this runs once per page load (html.hb-js is set in <head>);
   * the storage event keeps other open tabs in step, and pageshow covers pages restored from
   * the back/forward cache. */
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

/* progress: the progress page, <div class="hb-tools" data-roadmap>: the reader's record
 * (pace, activity, notes) and the tools (export, import, reset, personal start date).
 * Without JavaScript the page says it needs it (handbook.css shows .hb-nojs or .hb-js-only
 * from the first paint, so nothing moves when this runs). */

function showRecord() {
  var tools = document.querySelector(".hb-tools");
  if (!tools || !ROADMAPS[data(tools, "roadmap")]) return;
  var slug = data(tools, "roadmap"),
    counts = activityOf(slug),
    streaks = streaksOf(counts);
  showPace(tools.querySelector("[data-hb-pace]"), slug);
  showStreaks(tools.querySelector("[data-hb-streaks]"), slug, counts, streaks);
  showCalendar(tools.querySelector("[data-hb-activity]"), slug, counts, streaks);
  showNoteList(tools.querySelector("[data-hb-notes]"), slug);
}

function showStart(tools, slug) {
  var input = tools.querySelector('[data-hb-field="start"]');
  input.value = isoDay(startOf(slug));
}

function bindTools() {
  var tools = document.querySelector(".hb-tools");
  if (!tools || !ROADMAPS[data(tools, "roadmap")]) return;
  var slug = data(tools, "roadmap");
  showStart(tools, slug);
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-hb-action]");
    if (!button) return;
    var action = data(button, "hb-action"),
      state = load(slug);
    if (action === "export") {
      exportProgress(tools, slug);
    } else if (action === "reset") {
      if (!window.confirm("Reset all progress for " + ROADMAPS[slug].title + "? Every item is unticked and the days you ticked them are forgotten; your notes are kept. This cannot be undone (export first to keep a copy).")) {
        message(tools, "progress", "Nothing was reset.");
        return;
      }
      state.done.clear();
      state.days = {};
      save(slug);
      message(tools, "progress", "All ticks for this roadmap were reset; your notes are kept.");
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

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

/* transfer: the progress page's export to a file and import from one (merged).
 *
 * The file is the format of generator/progress_export.py (its JSON Schema is
 * content/schema/progress.schema.json): this script writes the current version and reads
 * every version it ever wrote; version 1 files (ticks and start date only) still import.
 * A file is checked whole before anything is merged: a damaged one changes nothing. What
 * it holds is only ever used as data (ids matched against patterns, notes as text), so
 * markup in any field stays inert.
 *
 * Merging, as README's progress section tells readers: ticks are added (an import never
 * unticks); an item keeps the earliest day it was ticked; the file's start date is taken
 * only when this browser has none; for each week's note the newer one (by its "updated"
 * moment) wins, and the message names the weeks where the file's note replaced this
 * browser's or where this browser's was kept over the file's.
 */

function message(tools, which, text, isError) {
  var box = tools.querySelector('[data-hb-message="' + which + '"]');
  box.textContent = text;
  box.classList.toggle("hb-error", !!isError);
  box.setAttribute("role", isError ? "alert" : "status");
}
function sorted(object) {
  var copy = {};
  Object.keys(object).sort().forEach(function (key) { copy[key] = object[key]; });
  return copy;
}
function written(notes) { return Object.keys(notes).filter(function (key) { return notes[key].text.trim() !== ""; }); }

function exportProgress(tools, slug) {
  var state = load(slug);
  var body = JSON.stringify({
    format: EXPORT.format, version: EXPORT.version, roadmap: slug, exported: isoDay(today()),
    start: state.start, done: Array.from(state.done).sort(), days: sorted(state.days), notes: sorted(state.notes)
  }, null, 2) + "\n";
  var url = URL.createObjectURL(new Blob([body], { type: "application/json" })),
    link = el("a");
  link.href = url;
  link.download = "study-handbook-" + slug + "-progress.json";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  var notes = written(state.notes).length;
  message(tools, "progress", "Exported " + plural(state.done.size, "ticked item") + (notes ? " and " + plural(notes, "note") : "")
    + " to " + link.download + ".");
}

/* Why a parsed file cannot be imported into roadmap `slug`, or null when it can. */
var REFUSED = ", so nothing was imported.";
function refusal(file, slug) {
  function mine(id) { return typeof id === "string" && id.indexOf(slug + "/") === 0; }
  function map(value) { return value === undefined || (!!value && typeof value === "object" && !Array.isArray(value)); }
  if (!file || typeof file !== "object" || file.format !== EXPORT.format) {
    return "That file is not a Study Handbook progress export";
  }
  if (typeof file.version === "number" && file.version > EXPORT.version) {
    return "That file was written by a newer version of the handbook (format version " + file.version
      + "): reload this page to get it, then import the file again";
  }
  if (file.roadmap !== slug) {
    return "That file holds progress for \"" + file.roadmap + "\", not for this roadmap";
  }
  if (!Array.isArray(file.done) || file.done.length > EXPORT.itemLimit || !file.done.every(function (id) { return isItem(id) && mine(id); })) {
    return "That file's list of ticked items is damaged";
  }
  if (file.version !== undefined && !(file.version >= 1 && file.version % 1 === 0 && typeof file.version === "number")) {
    return "That file's version is damaged";
  }
  if (file.start !== null && file.start !== undefined && parseDay(file.start) === null) {
    return "That file's start date is damaged";
  }
  if (!map(file.days) || !Object.keys(file.days || {}).every(function (id) { return isItem(id) && mine(id) && parseDay(file.days[id]) !== null; })) {
    return "That file's days of ticks are damaged";
  }
  if (!map(file.notes) || !Object.keys(file.notes || {}).every(function (key) { return mine(key) && isNote(key, file.notes[key]); })) {
    return "That file's notes are damaged";
  }
  return null;
}

/* Returns an error text, or null after merging the file into this browser's progress. */
function importProgress(tools, slug, text) {
  var file;
  try {
    file = JSON.parse(text);
  } catch (error) {
    return "That file is not valid JSON" + REFUSED;
  }
  var refused = refusal(file, slug);
  if (refused) return refused + REFUSED;
  var state = load(slug),
    days = file.days || {},
    added = file.done.filter(function (id) { return !state.done.has(id); });
  added.forEach(function (id) { state.done.add(id); });
  file.done.forEach(function (id) { // the earliest day an item was ticked, here or there
    if (has(days, id) && (!has(state.days, id) || days[id] < state.days[id])) state.days[id] = days[id];
  });
  var start = "";
  if (file.start && !state.start) {
    state.start = file.start;
    start = " Your start date " + fmtDay(parseDay(file.start)) + " was imported too.";
  }
  var notes = mergeNotes(slug, state.notes, file.notes || {});
  if (!save(slug)) return "This browser could not save the progress (its storage is full or blocked).";
  message(tools, "progress", "Imported " + plural(file.done.length, "ticked item") + " (" + added.length + " new)." + notes + start);
  return null;
}

/* Per week, the newer note wins; a tie keeps this browser's. Returns what a reader needs to
 * know: how many notes came from the file, and on which weeks one side's note was kept over
 * the other's (an emptied note counts too: emptying is a change, with its own time). */
function mergeNotes(slug, mine, theirs) {
  var fresh = 0,
    taken = [],
    kept = [];
  Object.keys(theirs).sort().forEach(function (key) {
    var note = theirs[key],
      here = mine[key],
      name = weekOfNote(slug, key) ? "week " + weekOfNote(slug, key) : key;
    if (here && here.text === note.text) return;
    var blank = !here || here.text.trim() === "";
    if (!here || parseMoment(note.updated) > parseMoment(here.updated)) {
      mine[key] = { text: note.text, updated: note.updated };
      if (!blank) taken.push(name);
      else if (note.text.trim() !== "") fresh += 1;
    } else if (note.text.trim() !== "") {
      kept.push(name);
    }
  });
  var parts = [];
  if (fresh) parts.push(fresh + " new from the file");
  if (taken.length) parts.push(taken.length + " taken from the file, newer than this browser's (" + taken.join(", ") + ")");
  if (kept.length) parts.push(kept.length + " kept from this browser, newer than the file's (" + kept.join(", ") + ")");
  return parts.length ? " Notes: " + parts.join("; ") + "." : "";
}

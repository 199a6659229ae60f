/* store: what this browser keeps for each roadmap, in localStorage, as two entries:
 *   "study-handbook:v1:<slug>"          {"done": ["<slug>/wNN/<item>", ...], ticked items and watched videos
 *                                        "start": "YYYY-MM-DD" | null}     the reader's own start date
 *   "study-handbook:v1:<slug>:record"   {"days": {"<item id>": "YYYY-MM-DD"}, the reader's day each was ticked
 *                                        "notes": {"<slug>/wNN": {"text": "...", "updated": "<ISO 8601 with offset>"}}}
 * the same fields as the export (generator/progress_export.py). Days and notes arrived in
 * December 2026 and live in an entry of their own because a page still open from an older
 * deploy runs the older script, which rewrites the first entry with only the fields it
 * knows: it must not be able to erase a reader's notes. Older saved progress has no record
 * and reads as it always did. A note emptied by the reader stays as an empty text with its
 * time, so that importing an older file does not bring the erased text back (the newer note
 * wins, see transfer.js).
 */

var cache = {},
  RECORD = ":record";
function read(key) {
  try {
    var value = JSON.parse(localStorage.getItem(key) || "{}");
    return value && typeof value === "object" ? value : {};
  } catch (error) { // unreadable or blocked storage: start empty rather than break the page
    return {};
  }
}
function load(slug) {
  if (cache[slug]) return cache[slug];
  var saved = read(KEY + slug),
    record = read(KEY + slug + RECORD),
    done = Array.isArray(saved.done) ? saved.done.filter(isItem) : [],
    days = {},
    notes = {};
  /* What another version of this script (or a hand edit) left that does not fit is dropped,
   * entry by entry, rather than trusted; a day is kept only for an item still ticked. */
  done.forEach(function (id) {
    if (record.days && parseDay(record.days[id]) !== null) days[id] = record.days[id];
  });
  Object.keys(record.notes || {}).forEach(function (key) {
    var note = record.notes[key];
    if (isNote(key, note)) notes[key] = { text: note.text, updated: note.updated };
  });
  cache[slug] = { done: new Set(done), start: parseDay(saved.start) === null ? null : saved.start, days: days, notes: notes };
  return cache[slug];
}
function save(slug) {
  var state = load(slug);
  try {
    localStorage.setItem(KEY + slug, JSON.stringify({ done: Array.from(state.done).sort(), start: state.start }));
    localStorage.setItem(KEY + slug + RECORD, JSON.stringify({ days: state.days, notes: state.notes }));
    return true;
  } catch (error) { // quota exceeded or storage disabled: say so where it matters
    return false;
  }
}
function isItem(value) { return typeof value === "string" && ITEM.test(value); }
function isNote(key, note) {
  return WEEK.test(key) && !!note && typeof note.text === "string" && note.text.length <= EXPORT.noteLimit
    && parseMoment(note.updated) !== null;
}

/* A tick remembers the reader's day; unticking forgets it (the day is of the tick, not of
 * the item: ticked again later, it counts on that later day). */
function tick(slug, id, on) {
  var state = load(slug);
  if (on) {
    state.done.add(id);
    if (!has(state.days, id)) state.days[id] = isoDay(today());
  } else {
    state.done.delete(id);
    delete state.days[id];
  }
  return save(slug);
}

/* The reader's note on a week ("<slug>/wNN"); changed only when its text changes. */
function noteOf(slug, key) {
  var note = load(slug).notes[key];
  return note ? note.text : "";
}
function writeNote(slug, key, text, when) {
  var state = load(slug);
  if (noteOf(slug, key) === text) return true;
  state.notes[key] = { text: text, updated: isoMoment(when) };
  return save(slug);
}

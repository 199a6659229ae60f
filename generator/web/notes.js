/* notes: the reader's own note on each week.
 *
 * Week page: <div class="hb-notes"> holds a <textarea data-hb-note="<slug>/wNN">, a status
 * line and a print-only copy. What the reader types is saved a moment after they stop typing
 * (no button to forget), and at once when they leave the box or the page. The text is only
 * ever handled as text (.value, .textContent): markup in a note stays characters everywhere
 * it is shown, the week page, its print and the progress page's list.
 */

var WAIT = 600, // ms after the last keystroke: a pause, not every keystroke, writes the storage
  noteShows = [];

function bindNotes() {
  each("textarea[data-hb-note]", function (box) {
    var key = data(box, "hb-note"),
      slug = key.split("/")[0],
      pending = null,
      typed = new Date();
    if (!ROADMAPS[slug] || !WEEK.test(key)) return;
    var notes = box.closest(".hb-notes"),
      status = notes.querySelector("[data-hb-note-status]");
    function commit() {
      if (pending === null) return;
      clearTimeout(pending);
      pending = null;
      var ok = writeNote(slug, key, box.value, typed);
      status.textContent = ok ? "Saved in this browser at " + clock(typed) + "."
        : "Not saved: this browser's storage is full or blocked. Copy your text somewhere safe.";
      if (ok) status.removeAttribute("role"); else status.setAttribute("role", "alert");
    }
    box.addEventListener("input", function () {
      typed = new Date();
      mirror(notes, box.value);
      clearTimeout(pending);
      pending = setTimeout(commit, WAIT);
    });
    box.addEventListener("blur", commit);
    window.addEventListener("pagehide", commit);
    document.addEventListener("visibilitychange", function () { if (document.hidden) commit(); });
    /* Another tab wrote this note (or an import did): show it, unless the reader is typing here. */
    noteShows.push(function () {
      if (pending !== null || document.activeElement === box) return;
      box.value = noteOf(slug, key);
      mirror(notes, box.value);
    });
  });
}
/* The print-only copy: a textarea prints only what fits in its box, the copy prints it all. */
function mirror(notes, text) {
  notes.querySelector("[data-hb-note-print]").textContent = text;
  notes.classList.toggle("hb-has-note", text.trim() !== "");
}
function showNotes() { noteShows.forEach(function (show) { show(); }); }

/* Progress page: <div data-hb-notes data-roadmap>, every week with a note, in week order,
 * each linked to its week's notes box. */
function showNoteList(list, slug) {
  var notes = load(slug).notes,
    items = el("ul", "hb-note-list");
  ROADMAPS[slug].weeks.forEach(function (week, index) {
    var note = notes[slug + "/" + week.note];
    if (!note || note.text.trim() === "") return;
    var item = el("li"),
      heading = el("p", "hb-note-week");
    heading.append(anchor(weekName(slug, index + 1), weekUrl(slug, index + 1) + "#my-notes"),
      el("span", "hb-note-when", " · changed " + fmtDay(localDay(new Date(parseMoment(note.updated))))));
    item.append(heading, el("div", "hb-note-text", note.text));
    items.append(item);
  });
  list.textContent = "";
  list.append(items.firstChild ? items
    : el("p", "hb-note-none", "No notes yet. Each week's page ends with a “My notes” box; what you write there is listed here."));
}

/* roadmap: facts of a roadmap from the generated data, seen from the reader's start date. */

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
function isDone(done, unit) { return unit.some(function (id) { return done.has(id); }); }
/* How many distinct units weeks 1 to k hold, for k = 0 to the last week: what the roadmap
 * expects done by the end of each week (the pace, pace.js). */
function unitsThrough(slug) {
  var seen = {},
    total = 0,
    through = [0];
  ROADMAPS[slug].weeks.forEach(function (w) {
    w.units.forEach(function (unit) {
      var key = unit.join(" ");
      if (!seen[key]) total += 1;
      seen[key] = true;
    });
    through.push(total);
  });
  return through;
}
/* The week number a note's key ("<slug>/wNN") belongs to, from the data; 0 if none. */
function weekOfNote(slug, key) {
  var weeks = ROADMAPS[slug].weeks;
  for (var i = 0; i < weeks.length; i += 1) if (slug + "/" + weeks[i].note === key) return i + 1;
  return 0;
}
function weekName(slug, n) { return "Week " + n + " · " + ROADMAPS[slug].weeks[n - 1].title; }
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

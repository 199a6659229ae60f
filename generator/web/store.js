/* store: what this browser keeps for each roadmap. */

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

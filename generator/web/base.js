/* base: the script's shared names and the few DOM helpers every part below uses.
 *
 * Study Handbook in the reader's browser: saved progress, "this week", personal dates, notes,
 * activity and pace.
 *
 * Why in the browser and not at build time: what a reader ticked and wrote and what today's
 * date is are only known there, and a site built weeks ago must still know which week it is.
 * No framework and no server: state lives in localStorage, one key per roadmap (store.js).
 * Roadmap facts (start date, week titles, item ids) come from assets/handbook-data.js, which
 * `handbook render` generates from the content. Without JavaScript every page still shows the
 * content's dates; only the interactive parts stay hidden.
 *
 * The parts (generator/webassets.py: SCRIPT_PARTS) are joined in order inside one function,
 * so each part uses what the parts before it define and nothing reaches the page's globals.
 * They are ES5 (calmjs.parse minifies them): var and function, no arrows or classes.
 */
var script = document.currentScript;
var ROOT = (script && data(script, "root")) || ".",
  DIRECTORY_URLS = !script || data(script, "directory-urls") !== "false",
  DATA = window.handbookData || {},
  ROADMAPS = DATA.roadmaps || {},
  FORMATS = DATA.formats,
  EXPORT = DATA["export"] || {},
  KEY = "study-handbook:v1:",
  DAY = 86400000,
  ISO = /^(\d{4})-(\d{2})-(\d{2})$/,
  ITEM = new RegExp(DATA.idPattern || "^$"),
  WEEK = new RegExp(EXPORT.weekPattern || "^$");

/* Short names for what every part below does, so the minified script stays small. */
function each(selector, action) { document.querySelectorAll(selector).forEach(action); }
function data(node, name) { return node.getAttribute("data-" + name); }

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
/* "1 item", "3 items". */
function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

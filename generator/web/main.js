/* main: starts everything, once the parts above have defined it. */

/* ---- offline copy link: hidden inside the offline copy and where no zip was built ---- */

function checkOfflineLink() {
  each(".hb-offline", function (box) {
    if (location.protocol === "file:") box.hidden = true;
    else fetch(box.querySelector("a").href, { method: "HEAD" }).then(function (response) {
      box.hidden = !response.ok;
    }, function () { box.hidden = true; });
  });
}

/* ---- the search dialog's name: Material's search partial gives its role="dialog" none (axe:
 * aria-dialog-name); Zensical's has one. Named after the search's own options, in the theme's
 * language, so both engines keep their own search markup untouched. ---- */

function nameSearchDialog() {
  each('.md-search[role="dialog"]:not([aria-label])', function (dialog) {
    var options = dialog.querySelector(".md-search__options[aria-label]");
    dialog.setAttribute("aria-label", options ? options.getAttribute("aria-label") : "Search");
  });
}

/* Everything that shows saved state, read afresh (another tab or an import may have changed it). */
function refresh() {
  cache = {};
  showCheckboxes();
  showBars();
  showDates();
  showThisWeek();
  showCountdowns();
  showNotes();
  showRecord();
}

/* Instant navigation is off, so this runs once per page load (html.hb-js is set in <head>);
 * the storage event keeps other open tabs in step, and pageshow covers pages restored from
 * the back/forward cache. */
bindCheckboxes();
bindNotes();
bindTools();
refresh();
showSessions();
runNowPage();
checkOfflineLink();
nameSearchDialog();
window.addEventListener("storage", function (event) {
  if (!event.key || event.key.indexOf(KEY) === 0) refresh();
});
window.addEventListener("pageshow", function (event) { if (event.persisted) refresh(); });

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

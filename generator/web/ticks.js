/* ticks: checkboxes on week pages, and the progress bars of every page. */

/* ---- checkboxes: <input type=checkbox data-item="<progress id>"> ---- */

function bindCheckboxes() {
  each("input[data-item]", function (box) {
    var id = data(box, "item"),
      slug = id.split("/")[0];
    if (!ROADMAPS[slug]) return;
    box.addEventListener("change", function () {
      tick(slug, id, box.checked);
      refresh();
    });
  });
}
function showCheckboxes() {
  each("input[data-item]", function (box) {
    var id = data(box, "item"),
      slug = id.split("/")[0];
    if (ROADMAPS[slug]) box.checked = load(slug).done.has(id);
  });
}

/* ---- progress bars: <span class="hb-progress" data-roadmap data-week? data-label> ---- */

function showBars() {
  each(".hb-progress", function (box) {
    var slug = data(box, "roadmap");
    if (!ROADMAPS[slug]) return;
    var week = +data(box, "week") || 0,
      items = unitsOf(slug, week),
      done = load(slug).done,
      count = items.filter(function (unit) { return isDone(done, unit); }).length;
    box.hidden = items.length === 0;
    if (!box.firstChild) {
      var bar = el("progress");
      bar.setAttribute("aria-label", data(box, "label"));
      box.append(bar);
      box.append(el("span", "hb-progress-text"));
    }
    box.firstChild.max = items.length || 1;
    box.firstChild.value = count;
    var prefix = box.closest(".hb-row") ? "" : data(box, "label") + ": ";
    box.lastChild.textContent = prefix + count + " of " + items.length + " done";
    box.classList.toggle("hb-complete", items.length > 0 && count === items.length);
  });
}

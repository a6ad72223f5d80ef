// The story page's interactive timeline. Data comes only from the JSON API
// (/api/v1/timeline); everything is built with DOM calls and textContent, so
// article text is never parsed as HTML.
(function () {
  "use strict";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var BOX = 220, LANE = 70, TOP = 46, PAD = 24;
  var tl = document.getElementById("timeline");
  if (!tl) return;
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  var $ = function (id) { return document.getElementById(id); };
  var fEntity = $("f-entity"), fType = $("f-type"), fFrom = $("f-from"), fTo = $("f-to"), fUndated = $("f-undated");
  var status = $("tl-status"), detail = $("detail"), detailBody = $("detail-body"), undated = $("undated");
  var truncated = false, windowed = "";
  var items = [], shown = [], scale = 0, fitScale = 1, t0 = 0, selected = null;

  function parseDay(s) {
    if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  }
  function pretty(s) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return +s.slice(8, 10) + " " + MONTHS[+s.slice(5, 7) - 1] + " " + s.slice(0, 4);
    if (/^\d{4}-\d{2}$/.test(s)) return MONTHS[+s.slice(5, 7) - 1] + " " + s.slice(0, 4);
    return s;
  }
  // byReport: the event is only known to have happened by its report.
  function byReport(it) { return /^by /.test(it.when || ""); }
  function anchor(it) { return byReport(it) ? parseDay(it.latest) : parseDay(it.earliest); }
  function when(it) {
    if (it.when) {
      var m = /^(by |≈)?(.*)$/.exec(it.when);
      return (m[1] === "≈" ? "about " : m[1] || "") + pretty(m[2]);
    }
    if (/^\d{4}-\d{2}(-\d{2})?$/.test(it.value || "")) return pretty(it.value);
    if (!it.earliest) return "undated";
    if (it.earliest === it.latest) return pretty(it.earliest);
    return pretty(it.earliest) + " – " + pretty(it.latest);
  }

  function params() {
    var q = new URLSearchParams(location.search);
    if (q.get("from")) fFrom.value = q.get("from");
    if (q.get("to")) fTo.value = q.get("to");
    if (q.get("undated") === "1") fUndated.checked = true;
  }
  function syncURL() {
    var q = new URLSearchParams();
    if (fEntity.value) q.set("entity", fEntity.value);
    if (fType.value) q.set("type", fType.value);
    if (fFrom.value) q.set("from", fFrom.value);
    if (fTo.value) q.set("to", fTo.value);
    if (fUndated.checked) q.set("undated", "1");
    var s = q.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  // The API gives the timeline a page at a time (X-Sitrep-Next): the page
  // asks for pages of 250 items and follows them up to maxItems, drawing
  // as each arrives.
  var maxItems = 1000, loading = 0;
  function load() {
    status.textContent = "Loading the timeline…";
    var q = new URLSearchParams();
    if (fEntity.value) q.set("entity", fEntity.value);
    if (fFrom.value) q.set("from", fFrom.value);
    if (fTo.value) q.set("to", fTo.value);
    q.set("limit", "250");
    var gen = ++loading;
    items = [];
    page("/api/v1/timeline" + (q.toString() ? "?" + q.toString() : ""), gen);
  }
  function page(url, gen) {
    var next = "";
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) return r.json().then(function (e) { throw new Error(e.error || r.statusText); });
        next = r.headers.get("X-Sitrep-Next") || "";
        truncated = !!r.headers.get("X-Sitrep-Truncated");
        windowed = r.headers.get("X-Sitrep-Window") || "";
        return r.json();
      })
      .then(function (data) {
        if (gen !== loading) return; // a newer load started
        var first = items.length === 0;
        items = items.concat(data || []);
        if (next && items.length >= maxItems) truncated = true;
        fillTypes();
        if (first) scale = 0;
        render();
        if (next && items.length < maxItems && next.indexOf("/api/v1/timeline?") === 0) page(next, gen);
      })
      .catch(function (err) { status.textContent = "Could not load the timeline: " + err.message; });
  }

  function fillTypes() {
    var want = fType.value || fType.getAttribute("data-selected") || "";
    fType.removeAttribute("data-selected");
    var counts = {};
    items.forEach(function (it) { counts[it.type] = (counts[it.type] || 0) + 1; });
    while (fType.options.length > 1) fType.remove(1);
    Object.keys(counts).sort().forEach(function (t) {
      var o = el("option", null, t + " (" + counts[t] + ")");
      o.value = t;
      if (t === want) o.selected = true;
      fType.appendChild(o);
    });
  }

  function filtered() {
    var ty = fType.value, from = fFrom.value, to = fTo.value;
    return items.filter(function (it) {
      if (ty && it.type !== ty) return false;
      if (from && (!it.latest || it.latest < from)) return false;
      if (to && (!it.earliest || it.earliest > to)) return false;
      return true;
    });
  }

  function render() {
    shown = filtered();
    var dated = shown.filter(function (it) { return parseDay(it.earliest) !== null; });
    var rest = shown.filter(function (it) { return parseDay(it.earliest) === null; });
    var docs = {};
    shown.forEach(function (it) { (it.sources || []).forEach(function (s) { docs[s.document] = 1; }); });
    var n = Object.keys(docs).length;
    status.textContent = shown.length === 0 ? "No events match these filters." :
      dated.length + " dated event" + (dated.length === 1 ? "" : "s") + " from " + n + " article" + (n === 1 ? "" : "s") +
      (rest.length ? " · " + rest.length + " undated" + (fUndated.checked ? " (listed below)" : "") : "") +
      " · click an event for its sources · Ctrl+scroll or the buttons to zoom" +
      (windowed ? " · from the newest " + windowed.replace("documents=", "") + " articles: filter by entity or dates for the rest" : "") +
      (truncated ? " · only the earliest events are shown: set From to see later ones" : "");
    drawTimeline(dated);
    drawUndated(rest);
  }

  function drawTimeline(dated) {
    tl.textContent = "";
    if (dated.length === 0) { tl.parentNode.hidden = true; return; }
    tl.parentNode.hidden = false;
    var lo = Infinity, hi = -Infinity;
    dated.forEach(function (it) {
      lo = Math.min(lo, anchor(it));
      hi = Math.max(hi, byReport(it) ? anchor(it) : (parseDay(it.latest) || anchor(it)));
    });
    t0 = lo - 2 * DAY;
    var days = Math.max(1, (hi - lo) / DAY + 4);
    var avail = Math.max(300, tl.clientWidth - BOX - 2 * PAD);
    fitScale = Math.min(200, Math.max(1.5, avail / days));
    if (!scale) scale = fitScale;
    var x = function (t) { return PAD + (t - t0) / DAY * scale; };
    var width = Math.max(tl.clientWidth, x(hi + 2 * DAY) + BOX + PAD);
    // Lanes: each item takes the first lane free at its position.
    var lanes = [];
    dated.sort(function (a, b) { return anchor(a) - anchor(b); });
    var placed = dated.map(function (it) {
      var left = x(anchor(it));
      var lane = 0;
      while (lane < lanes.length && lanes[lane] > left - 6) lane++;
      lanes[lane] = left + BOX;
      return { it: it, left: left, lane: lane };
    });
    var height = TOP + Math.max(1, lanes.length) * LANE + 10;
    var canvas = el("div", "canvas");
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    var axis = el("div", "tl-axis");
    axis.style.width = width + "px";
    canvas.appendChild(axis);
    ticks(canvas, axis, x, t0, t0 + width / scale * DAY, height);
    placed.forEach(function (p) {
      var it = p.it;
      var b = el("button", "tl-item m-" + (it.modality || "asserted") + " ty-" + it.type);
      b.type = "button";
      b.setAttribute("data-id", it.id);
      b.style.left = p.left + "px";
      b.style.top = (TOP + p.lane * LANE) + "px";
      b.style.width = (BOX - 6) + "px";
      b.title = it.text + (it.modality && it.modality !== "asserted" ? " (" + it.modality + ")" : "");
      b.appendChild(el("span", "d", when(it) + " · " + it.type));
      b.appendChild(el("span", "t", it.text));
      if (it.reports > 1) b.appendChild(el("span", "n", "×" + it.reports));
      b.addEventListener("click", function () { select(it, b); });
      if (selected && selected.id === it.id) b.classList.add("sel");
      canvas.appendChild(b);
      var e = parseDay(it.earliest), l = parseDay(it.latest);
      if (l && l > e && !byReport(it)) {
        var sp = el("div", "tl-span");
        sp.style.left = p.left + "px";
        sp.style.top = (TOP + p.lane * LANE - 5) + "px";
        sp.style.width = Math.max(4, (l - e + DAY) / DAY * scale) + "px";
        sp.title = pretty(it.earliest) + " – " + pretty(it.latest);
        canvas.appendChild(sp);
      }
    });
    tl.appendChild(canvas);
  }

  function ticks(canvas, axis, x, from, to, height) {
    var step, fmt;
    var dayPx = scale;
    var d = new Date(from);
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    var add;
    if (dayPx >= 28) { add = function (t) { return t + DAY; }; }
    else if (dayPx >= 5) {
      // weeks, starting on a Monday
      while (d.getUTCDay() !== 1) d = new Date(d.getTime() + DAY);
      add = function (t) { return t + 7 * DAY; };
    } else {
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      add = function (t) { var q = new Date(t); return Date.UTC(q.getUTCFullYear(), q.getUTCMonth() + 1, 1); };
    }
    for (var t = d.getTime(); t <= to; t = add(t)) {
      var q = new Date(t);
      var major = q.getUTCDate() === 1 || (dayPx >= 5 && q.getUTCDate() <= 7 && dayPx < 28);
      var label = q.getUTCDate() + " " + MONTHS[q.getUTCMonth()];
      if (dayPx < 5) label = MONTHS[q.getUTCMonth()] + " " + q.getUTCFullYear();
      else if (q.getUTCDate() === 1 && q.getUTCMonth() === 0) label += " " + q.getUTCFullYear();
      var tk = el("div", "tl-tick" + (major ? " major" : ""), label);
      tk.style.left = x(t) + "px";
      axis.appendChild(tk);
      var g = el("div", "tl-grid");
      g.style.left = x(t) + "px";
      canvas.appendChild(g);
    }
  }

  function drawUndated(rest) {
    undated.textContent = "";
    undated.hidden = !(fUndated.checked && rest.length);
    if (undated.hidden) return;
    undated.appendChild(el("h2", null, "Undated events"));
    var ol = el("ol");
    rest.forEach(function (it) {
      var li = el("li");
      var a = el("a", null, it.text);
      a.href = "#";
      a.addEventListener("click", function (ev) { ev.preventDefault(); select(it, null); });
      li.appendChild(el("span", "badge", it.type));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      ol.appendChild(li);
    });
    undated.appendChild(ol);
  }

  function select(it, button) {
    selected = it;
    Array.prototype.forEach.call(tl.querySelectorAll(".tl-item.sel"), function (b) { b.classList.remove("sel"); });
    if (button) button.classList.add("sel");
    detailBody.textContent = "";
    detailBody.appendChild(el("p", "kicker", it.type + (it.modality && it.modality !== "asserted" ? " · " + it.modality : "")));
    detailBody.appendChild(el("h2", null, it.text));
    var dl = el("dl");
    var row = function (k, v) { if (v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); } };
    row("When", when(it) + (it.value && !/^\d{4}-\d{2}(-\d{2})?$/.test(it.value) ? " (" + it.value + ")" : ""));
    row("How dated", it.derivation);
    row("Who", (it.actors || []).join(", "));
    row("Target", it.target);
    row("Where", it.location);
    row("Reported by", it.reports + " article" + (it.reports === 1 ? "" : "s"));
    detailBody.appendChild(dl);
    detailBody.appendChild(el("h3", null, "Sources"));
    var ul = el("ul", "sources");
    (it.sources || []).forEach(function (s) {
      var li = el("li", "source");
      var a = el("a", null, s.title || s.document);
      a.href = "/documents/" + encodeURIComponent(s.document);
      li.appendChild(a);
      var meta = el("span", "src-meta", [s.site, pretty(s.published || "")].filter(Boolean).join(" · "));
      if (s.url) {
        meta.appendChild(document.createTextNode(" · "));
        var o = el("a", "ext", "original");
        o.href = s.url;
        o.rel = "noopener noreferrer";
        meta.appendChild(o);
      }
      li.appendChild(meta);
      if (s.sentence) li.appendChild(el("blockquote", null, s.sentence));
      ul.appendChild(li);
    });
    detailBody.appendChild(ul);
    detail.hidden = false;
  }

  function zoom(f) {
    var center = tl.scrollLeft + tl.clientWidth / 2;
    var t = t0 + (center - PAD) / scale * DAY;
    scale = Math.min(400, Math.max(0.5, scale * f));
    render();
    tl.scrollLeft = PAD + (t - t0) / DAY * scale - tl.clientWidth / 2;
  }

  $("zoom-in").addEventListener("click", function () { zoom(1.6); });
  $("zoom-out").addEventListener("click", function () { zoom(1 / 1.6); });
  $("zoom-fit").addEventListener("click", function () { scale = fitScale; render(); tl.scrollLeft = 0; });
  tl.addEventListener("wheel", function (ev) {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 1.25 : 0.8);
  }, { passive: false });
  $("detail-close").addEventListener("click", function () { detail.hidden = true; });
  [fEntity, fFrom, fTo].forEach(function (f) { f.addEventListener("change", function () { syncURL(); load(); }); });
  [fType, fUndated].forEach(function (f) { f.addEventListener("change", function () { syncURL(); render(); }); });
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (scale === fitScale) scale = 0; render(); }, 150);
  });
  params();
  load();
})();

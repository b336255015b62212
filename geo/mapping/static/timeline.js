/* The timeline under the map: events per week by attacker side, stacked, as SVG.
 *
 * An event known only to its week, month or year is spread over its span (a month-dated
 * event adds about a quarter to each of its weeks), not piled on one day.  Dragging
 * across the chart sets the date filter; the filter's range is drawn on the chart.
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  var DAY = 86400000, NS = "http://www.w3.org/2000/svg";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function dayOf(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY); }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function svg(tag, attrs, parent) {
    var el = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(el); }
    return el;
  }

  /* Weekly sums per side: {w0 (first Monday, as a day number), weeks, bySide: [Float64Array]}. */
  function weekly(events, sides) {
    var dated = events.filter(function (e) { return e.start > "0000-01-01" && e.end < "9999-12-31"; });
    if (!dated.length) { return null; }
    var first = Infinity, last = -Infinity;
    dated.forEach(function (e) {
      e.d0 = dayOf(e.start); e.d1 = dayOf(e.end);
      first = Math.min(first, e.d0); last = Math.max(last, e.d1);
    });
    var w0 = first - ((first + 3) % 7);  // day 0 (1970-01-01) was a Thursday
    var weeks = Math.floor((last - w0) / 7) + 1;
    var index = {};
    sides.forEach(function (s, i) { index[s.side] = i; });
    var bySide = sides.map(function () { return new Float64Array(weeks); });
    dated.forEach(function (e) {
      var row = bySide[index[e.side]], span = e.d1 - e.d0 + 1;
      for (var d = e.d0; d <= e.d1;) {
        var w = Math.floor((d - w0) / 7), until = Math.min(e.d1, w0 + 7 * w + 6);
        row[w] += (until - d + 1) / span;
        d = until + 1;
      }
    });
    return {w0: w0, weeks: weeks, bySide: bySide, last: last};
  }

  geo.timeline = function (el, sides) {
    var data = weekly(geo.events, sides);
    if (!data) { el.classList.add("geo-empty"); return; }
    var chart = el.querySelector(".geo-timeline-chart");
    var H = 92, PAD_L = 34, PAD_B = 18, drag = null, layerRange = null, root = null, width = 0;

    function x(day) { return PAD_L + (day - data.w0) / (data.weeks * 7) * (width - PAD_L - 8); }
    function dayAt(px) {
      var d = data.w0 + (px - PAD_L) / (width - PAD_L - 8) * data.weeks * 7;
      return Math.max(data.w0, Math.min(data.w0 + data.weeks * 7 - 1, Math.round(d)));
    }

    function draw() {
      width = chart.clientWidth || 800;
      chart.textContent = "";
      root = svg("svg", {width: width, height: H, "class": "geo-timeline-svg"}, chart);
      var totals = new Float64Array(data.weeks), max = 0;
      data.bySide.forEach(function (row) { row.forEach(function (v, w) { totals[w] += v; }); });
      totals.forEach(function (v) { max = Math.max(max, v); });
      var plotH = H - PAD_B - 6, scale = max ? plotH / max : 0, bw = x(data.w0 + 7) - x(data.w0);
      for (var w = 0; w < data.weeks; w++) {
        if (!totals[w]) { continue; }
        var g = svg("g", {"class": "geo-week"}, root), y = H - PAD_B, parts = [];
        data.bySide.forEach(function (row, i) {
          if (!row[w]) { return; }
          var h = row[w] * scale;
          y -= h;
          svg("rect", {x: x(data.w0 + 7 * w), y: y, width: Math.max(bw - 1, 1), height: h,
                       fill: sides[i].colour, "class": "geo-bar"}, g);
          parts.push(sides[i].label + " " + (Math.round(row[w] * 100) / 100));
        });
        svg("title", {}, g).textContent = "week of " + isoOf(data.w0 + 7 * w) + ": " + parts.join(", ");
      }
      // axes: the largest weekly total, and the first of each month
      svg("line", {x1: PAD_L, x2: width - 8, y1: H - PAD_B, y2: H - PAD_B, stroke: "#777"}, root);
      svg("text", {x: PAD_L - 4, y: 12, "text-anchor": "end", "class": "geo-axis"}, root)
        .textContent = String(Math.round(max * 10) / 10);
      var lastDay = data.w0 + data.weeks * 7 - 1, d = new Date(data.w0 * DAY), months = [];
      d.setUTCDate(1);
      while (d.getTime() / DAY <= lastDay) {
        if (d.getTime() / DAY >= data.w0) { months.push(new Date(d)); }
        d.setUTCMonth(d.getUTCMonth() + 1);
      }
      var every = Math.max(1, Math.ceil(months.length * 48 / Math.max(width - PAD_L, 1)));
      months.forEach(function (m, i) {
        var px = x(m.getTime() / DAY);
        svg("line", {x1: px, x2: px, y1: H - PAD_B, y2: H - PAD_B + 4, stroke: "#777"}, root);
        if (i % every === 0) {
          svg("text", {x: px + 2, y: H - 4, "class": "geo-axis"}, root).textContent =
            MONTHS[m.getUTCMonth()] + (m.getUTCMonth() === 0 || i === 0 ? " " + m.getUTCFullYear() : "");
        }
      });
      layerRange = svg("rect", {y: 0, height: H - PAD_B, "class": "geo-timeline-range"}, root);
      drawRange();
    }

    function drawRange(lo, hi) {
      if (!layerRange) { return; }
      var a = lo !== undefined ? lo : Math.max(dayOf(geo.range[0] > "0000-01-01" ? geo.range[0] : isoOf(data.w0)), data.w0);
      var b = hi !== undefined ? hi : Math.min(geo.range[1] < "9999-12-31" ? dayOf(geo.range[1]) : data.last, data.w0 + data.weeks * 7);
      layerRange.setAttribute("x", x(a));
      layerRange.setAttribute("width", Math.max(x(b + 1) - x(a), 1));
    }

    function px(ev) { return ev.clientX - chart.getBoundingClientRect().left; }
    chart.addEventListener("mousedown", function (ev) {
      drag = {from: px(ev)}; ev.preventDefault();
    });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) { return; }
      var a = dayAt(Math.min(drag.from, px(ev))), b = dayAt(Math.max(drag.from, px(ev)));
      drag.moved = Math.abs(px(ev) - drag.from) > 3;
      drawRange(a, b);
    });
    window.addEventListener("mouseup", function (ev) {
      if (!drag) { return; }
      var a, b, to = px(ev);
      if (drag.moved) {
        a = dayAt(Math.min(drag.from, to)); b = dayAt(Math.max(drag.from, to));
      } else {  // a click picks its week
        a = data.w0 + 7 * Math.floor((dayAt(to) - data.w0) / 7); b = a + 6;
      }
      drag = null;
      geo.setDates(isoOf(a), isoOf(b));
    });
    geo.onChange(function () { drawRange(); });
    window.addEventListener("resize", draw);
    geo.redrawTimeline = draw;
    draw();
  };
})();

/* The table of the events shown, sortable, linked to the map; downloads of what is shown.
 *
 * Cells are filled with textContent, never HTML, so input text shows as text.  Only the
 * first ROW_LIMIT rows of a large selection are drawn (the downloads hold all of them).
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  var ROW_LIMIT = 1000;
  var COLUMNS = [
    ["date", "Date"], ["type_label", "Type"], ["attacker", "Attacker"], ["target", "Target"],
    ["place", "Place"], ["killed", "Killed"], ["source", "Source"]
  ];
  var EXPORT = ["id", "date", "date_precision", "start", "end", "type", "side", "attacker",
                "target_side", "target", "place", "country", "geo_precision", "killed", "source", "url"];

  function compare(key, dir) {
    return function (a, b) {
      var x = a[key], y = b[key];
      if (x == null && y == null) { return a.id < b.id ? -1 : 1; }
      if (x == null) { return 1; }
      if (y == null) { return -1; }
      if (x < y) { return -dir; }
      if (x > y) { return dir; }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
  }

  function save(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], {type: type}));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  geo.asGeoJSON = function (events) {
    return JSON.stringify({type: "FeatureCollection", features: events.map(function (e) {
      var props = {};
      EXPORT.forEach(function (k) { props[k] = e[k] === undefined ? null : e[k]; });
      return {type: "Feature", id: e.id, properties: props,
              geometry: {type: "Point", coordinates: [e.lon, e.lat]}};
    })}, null, 1);
  };

  geo.asCSV = function (events) {
    function cell(v) {
      var s = v == null ? "" : String(v);
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    var head = EXPORT.concat(["lat", "lon"]);
    return head.join(",") + "\r\n" + events.map(function (e) {
      return head.map(function (k) { return cell(e[k]); }).join(",");
    }).join("\r\n") + "\r\n";
  };

  geo.table = function (panel) {
    var sortKey = "date", dir = 1, current = [];
    var table = panel.querySelector("table"), body = table.querySelector("tbody");
    var note = panel.querySelector(".geo-table-note");
    var head = table.querySelector("thead tr");
    COLUMNS.forEach(function (c) {
      var th = document.createElement("th");
      th.textContent = c[1];
      th.dataset.key = c[0];
      th.addEventListener("click", function () {
        dir = sortKey === c[0] ? -dir : 1;
        sortKey = c[0];
        draw(current);
      });
      head.appendChild(th);
    });

    function draw(shown) {
      current = shown;
      if (!panel.classList.contains("geo-open")) { return; }
      var rows = shown.slice().sort(compare(sortKey, dir)).slice(0, ROW_LIMIT);
      head.querySelectorAll("th").forEach(function (th) {
        th.className = th.dataset.key === sortKey ? (dir > 0 ? "geo-asc" : "geo-desc") : "";
      });
      var frag = document.createDocumentFragment();
      rows.forEach(function (e) {
        var tr = document.createElement("tr");
        tr.dataset.id = e.id;
        COLUMNS.forEach(function (c) {
          var td = document.createElement("td");
          td.textContent = e[c[0]] == null ? "" : String(e[c[0]]);
          tr.appendChild(td);
        });
        tr.style.borderLeft = "4px solid " + e.colour;
        frag.appendChild(tr);
      });
      body.textContent = "";
      body.appendChild(frag);
      note.textContent = shown.length > ROW_LIMIT
        ? "first " + ROW_LIMIT + " of " + shown.length + " events shown (the downloads hold all)"
        : shown.length + " event" + (shown.length === 1 ? "" : "s") + " shown";
    }

    body.addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr");
      if (!tr) { return; }
      body.querySelectorAll("tr.geo-selected").forEach(function (r) { r.classList.remove("geo-selected"); });
      tr.classList.add("geo-selected");
      geo.openEvent(tr.dataset.id);
    });
    panel.querySelector(".geo-download-geojson").addEventListener("click", function () {
      save("events-shown.geojson", "application/geo+json", geo.asGeoJSON(geo.shown()));
    });
    panel.querySelector(".geo-download-csv").addEventListener("click", function () {
      save("events-shown.csv", "text/csv", geo.asCSV(geo.shown()));
    });
    geo.onChange(draw);
    geo.toggleTable = function (open) {
      panel.classList.toggle("geo-open", open);
      document.body.classList.toggle("geo-table-open", open);
      if (geo.map) { geo.map.invalidateSize(); }
      if (geo.redrawTimeline) { geo.redrawTimeline(); }
      draw(geo.shown());
    };
  };
})();

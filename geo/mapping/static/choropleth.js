/* Counts by governorate: the events shown, per governorate, as a choropleth overlay.
 *
 * Recounted whenever the date range or a side overlay changes.  Each event carries the
 * index of the governorate it falls in (found when the page was written); events placed
 * only to a country have none and are counted apart, in the overlay's legend.
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  var COLOURS = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#e6550d", "#a63603", "#6b1d02"];

  /* Up to five class limits, spaced evenly on a log scale from 1 to the largest count. */
  function bins(max) {
    var out = [];
    for (var k = 0; k < 5; k++) {
      var v = Math.max(1, Math.round(Math.pow(Math.max(max, 1), k / 5)));
      if (!out.length || v > out[out.length - 1]) { out.push(v); }
    }
    return out;
  }

  function colour(n, limits) {
    if (!n) { return COLOURS[0]; }
    for (var i = limits.length - 1; i >= 0; i--) { if (n >= limits[i]) { return COLOURS[i + 1]; } }
    return COLOURS[1];
  }

  geo.governorateCounts = function (map, group, data) {
    var counts = [], killed = [], layers = [];
    // its key joins the map's legend (bottom left) while the overlay is on
    var box = L.DomUtil.create("div", "geo-choro-legend");
    var shape = L.geoJSON(data.governorates, {
      style: {color: "#444", weight: 1, fillOpacity: 0.72, fillColor: COLOURS[0]},
      onEachFeature: function (f, layer) {
        var i = layers.length;
        layers.push(layer);
        layer.bindTooltip(function () {
          var div = document.createElement("div");
          div.textContent = f.properties.name + ": " + (counts[i] || 0) + " event"
            + ((counts[i] || 0) === 1 ? "" : "s") + ", " + (killed[i] || 0) + " killed";
          return div;
        }, {sticky: true});
      }
    }).addTo(group);

    function redraw(shown) {
      counts = new Array(layers.length).fill(0);
      killed = new Array(layers.length).fill(0);
      var byCountry = {}, outside = 0;
      shown.forEach(function (e) {
        if (e.gov >= 0) {
          counts[e.gov] += 1; killed[e.gov] += e.killed || 0;
        } else if (e.geo_precision === "country") {
          byCountry[e.country || "?"] = (byCountry[e.country || "?"] || 0) + 1;
        } else {
          outside += 1;
        }
      });
      var limits = bins(Math.max.apply(null, counts.concat([0])));
      layers.forEach(function (layer, i) { layer.setStyle({fillColor: colour(counts[i], limits)}); });
      box.textContent = "";
      var h = L.DomUtil.create("b", "", box);
      h.textContent = "Events by governorate";
      limits.forEach(function (lo, i) {
        var hi = i + 1 < limits.length ? limits[i + 1] - 1 : null;
        var row = L.DomUtil.create("div", "", box);
        var sw = L.DomUtil.create("span", "sw", row);
        sw.style.background = COLOURS[i + 1];
        row.appendChild(document.createTextNode(hi === null ? lo + "+" : lo === hi ? String(lo) : lo + "–" + hi));
      });
      var apart = Object.keys(byCountry).sort().map(function (c) {
        return (data.countryNames[c] || c) + " " + byCountry[c];
      });
      var note = L.DomUtil.create("div", "geo-choro-note", box);
      note.textContent = apart.length
        ? "Placed only to a country, not counted here: " + apart.join(", ") + "."
        : "No shown event is placed only to a country.";
      if (outside) {
        var out = L.DomUtil.create("div", "geo-choro-note", box);
        out.textContent = outside + " outside these governorates, not counted.";
      }
    }

    geo.onChange(function (shown) { if (map.hasLayer(group)) { redraw(shown); } });
    map.on("overlayadd", function (ev) {
      if (ev.layer !== group) { return; }
      redraw(geo.shown());
      var legend = map.getContainer().querySelector(".geo-legend");
      (legend || map.getContainer()).appendChild(box);
      shape.bringToBack();
    });
    map.on("overlayremove", function (ev) { if (ev.layer === group) { box.remove(); } });
    geo.redrawCounts = function () { redraw(geo.shown()); };
  };
})();

/* The "Offline outline" base layer, and the choice of base layer at load time.
 *
 * The outline is drawn from data inlined in the page — countries and governorates,
 * rivers, cities and the theatre's named places — so the map reads correctly with no
 * network.  It is the starting base layer when the browser says it is offline, and it
 * replaces an online layer whose tiles fail to load before any has loaded.
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};

  function label(latlng, text, cls) {
    return L.marker(latlng, {interactive: false, keyboard: false, pane: "geo-labels",
      icon: L.divIcon({className: "geo-label " + cls, html: "", iconSize: null})})
      .on("add", function () { this.getElement().textContent = text; });
  }

  /* Panes of its own, so the opaque land sits under every overlay (tiles are at 200, overlays
   * at 400) and the labels above the overlays but under the markers (600). */
  function panes(map) {
    if (map.getPane("geo-outline")) { return; }
    map.createPane("geo-outline").style.zIndex = 250;
    var labels = map.createPane("geo-labels");
    labels.style.zIndex = 450;
    labels.style.pointerEvents = "none";
  }

  geo.offlineOutline = function (map, group, data) {
    panes(map);
    var renderer = L.svg({padding: 0.5, pane: "geo-outline"});
    L.geoJSON(data.regions, {
      renderer: renderer, interactive: false,
      attribution: "Outline: Natural Earth; rivers and towns: GeoNames (CC BY 4.0)",
      filter: function (f) { return f.properties.kind === "country"; },
      style: function (f) {
        var theatre = data.theatre.indexOf(f.properties.country) >= 0;
        return {color: "#6b6b6b", weight: 1.6, fillColor: theatre ? "#fbfaf5" : "#eeede6",
                fillOpacity: 1};
      }
    }).addTo(group);
    L.geoJSON(data.regions, {
      renderer: renderer, interactive: false,
      filter: function (f) { return f.properties.kind === "governorate"; },
      style: {color: "#9a9a9a", weight: 0.8, dashArray: "4 3", fill: false}
    }).addTo(group);
    L.geoJSON(data.rivers, {renderer: renderer, interactive: false,
                            style: {color: "#4a90c2", weight: 2.2, opacity: 0.9}}).addTo(group);
    data.rivers.features.forEach(function (f) {
      var c = f.geometry.coordinates, mid = c[Math.floor(c.length / 2)];
      label([mid[1], mid[0]], f.properties.name, "geo-label-river").addTo(group);
    });
    data.countries.forEach(function (c) { label([c[1], c[2]], c[0], "geo-label-country").addTo(group); });
    data.cities.forEach(function (c) { label([c[1], c[2]], c[0], "geo-label-city").addTo(group); });
    data.places.forEach(function (c) { label([c[1], c[2]], c[0], "geo-label-place").addTo(group); });
    return group;
  };

  /* Start on the first online layer unless the browser is offline; fall back to the
   * outline when that layer's tiles fail before any loads. */
  geo.chooseBase = function (map, online, outline) {
    var container = map.getContainer();
    map.on("baselayerchange layeradd", function () {
      container.classList.toggle("geo-offline-base", map.hasLayer(outline));
    });
    function zoomClass() {
      container.classList.toggle("geo-zoom-small", map.getZoom() < 8);
    }
    map.on("zoomend", zoomClass);
    zoomClass();
    if (!online.length || navigator.onLine === false) {
      outline.addTo(map);
      return;
    }
    var first = online[0];
    online.forEach(function (layer) {
      var loaded = 0;
      layer.on("tileload", function () { loaded += 1; });
      layer.on("tileerror", function () {
        if (loaded === 0 && map.hasLayer(layer)) {
          map.removeLayer(layer);
          outline.addTo(map);
          container.classList.add("geo-tiles-failed");
        }
      });
    });
    first.addTo(map);
  };
})();

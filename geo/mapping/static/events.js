/* The page's event registry: markers per side, the date range, and who to tell on change.
 *
 * Every event is registered once in geo.events with its date span and its marker; the
 * date range (geo.setRange) moves markers in and out of their side's cluster in one batch
 * per cluster, and every view that depends on "the events shown" (count, governorate
 * counts, heat map, table, timeline) subscribes with geo.onChange.  An event is shown
 * when its span meets the range and its side's overlay is on the map.
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  geo.events = geo.events || [];
  window.geoEvents = geo.events;
  geo.range = ["0000-01-01", "9999-12-31"];
  geo.listeners = geo.listeners || [];
  geo.circleOnOpen = false;
  var iconCache = {};

  geo.onChange = function (fn) { geo.listeners.push(fn); };
  /* True while a cluster is still adding markers in chunks (chunkedLoading). */
  geo.busy = function () { return (geo.clusters || []).some(function (c) { return c._geoBusy; }); };
  geo.changed = function () {
    var shown = geo.shown();
    geo.listeners.forEach(function (fn) { fn(shown); });
  };
  geo.isShown = function (e) { return e.inRange && e.group._map != null; };
  geo.shown = function () { return geo.events.filter(geo.isShown); };

  function icon(iconHtml, e) {
    var key = e.side + "|" + e.type + "|" + e.precise;
    if (!iconCache[key]) {
      iconCache[key] = L.divIcon({className: "geo-marker geo-side-" + e.side + " geo-type-" + e.type,
                                  html: iconHtml[key], iconSize: [22, 22], iconAnchor: [11, 11],
                                  popupAnchor: [0, -10]});
    }
    return iconCache[key];
  }

  function tooltipText(e) {
    return [e.date || "undated", e.type_label, e.place].filter(Boolean).join(" · ");
  }

  /* One row (an array in the order of `fields`) → a registered event; its marker is made
   * on first use (geo.markerFor), so a large map builds only the markers it draws. */
  geo.register = function (row, fields, iconHtml, colour, cluster, group) {
    var e = {};
    for (var i = 0; i < fields.length; i++) { e[fields[i]] = row[i]; }
    e.iconHtml = iconHtml; e.cluster = cluster; e.group = group; e.colour = colour;
    e.inRange = true; e.shown = true; e.circle = null; e.marker = null;
    geo.events.push(e);
    return e;
  };

  geo.markerFor = function (e) {
    if (e.marker) { return e.marker; }
    // events extracted with less confidence are drawn fainter (the legend says how much)
    var marker = e.marker = L.marker([e.lat, e.lon], {icon: icon(e.iconHtml, e), keyboard: true,
                                                      opacity: e.opacity == null ? 1 : e.opacity});
    // autoPan keeps an opened popup clear of the title at the top
    marker.bindPopup(function () { return e.popup; }, {maxWidth: 380, maxHeight: 420,
                                                      autoPanPaddingTopLeft: [20, 75]});
    marker.bindTooltip(function () { return document.createTextNode(tooltipText(e)); },
                       {direction: "top", offset: [0, -10]});
    marker.geoEventId = e.id;
    if (e.radius_m) {
      marker.on("popupopen", function () { if (geo.circleOnOpen) { e.group.addLayer(geo.circleFor(e)); } });
      marker.on("popupclose", function () { if (geo.circleOnOpen && e.circle) { e.group.removeLayer(e.circle); } });
    }
    return marker;
  };

  /* The events of one side in a Leaflet.markercluster group (maps of up to LARGE_MAP events). */
  geo.addEvents = function (cluster, group, fields, rows, iconHtml, colour) {
    geo.clusters = (geo.clusters || []).concat([cluster]);
    cluster.options.chunkProgress = function (done, total) { cluster._geoBusy = done < total; };
    cluster.addLayers(rows.map(function (row) {
      return geo.markerFor(geo.register(row, fields, iconHtml, colour, cluster, group));
    }));
  };

  geo.circleFor = function (e) {
    if (!e.radius_m) { return null; }
    if (!e.circle) {
      e.circle = L.circle([e.lat, e.lon], {radius: e.radius_m, color: e.colour, weight: 1.5,
                                           opacity: 0.7, dashArray: "6 5", fillColor: e.colour,
                                           fillOpacity: 0.07, interactive: false});
    }
    return e.circle;
  };

  /* Uncertainty circles: drawn for every rough event on small maps; on large ones (where
   * thousands of overlapping circles would make every pan slow) only while a popup is open. */
  geo.drawCircles = function (limit) {
    var rough = geo.events.filter(function (e) { return e.radius_m; });
    geo.circleOnOpen = rough.length > limit;
    if (geo.circleOnOpen) { return; }
    rough.forEach(function (e) { e.group.addLayer(geo.circleFor(e)); });
  };

  /* Show the events whose span meets [lo, hi]: one batch per cluster, and a rebuild when
   * most of a cluster changes (markercluster removes one marker at a time otherwise). */
  geo.setRange = function (lo, hi) {
    geo.range = [lo || "0000-01-01", hi || "9999-12-31"];
    var changes = new Map();
    geo.events.forEach(function (e) {
      var visible = e.end >= geo.range[0] && e.start <= geo.range[1];
      if (visible === e.inRange) { return; }
      e.inRange = visible; e.shown = visible;
      if (e.circle && !geo.circleOnOpen) {
        if (visible) { e.group.addLayer(e.circle); } else { e.group.removeLayer(e.circle); }
      }
      if (!e.cluster) { return; }  // a grid-clustered side redraws itself on change
      if (!changes.has(e.cluster)) { changes.set(e.cluster, {add: [], remove: []}); }
      changes.get(e.cluster)[visible ? "add" : "remove"].push(e.marker);
    });
    changes.forEach(function (c, cluster) {
      var size = cluster.getLayers().length;
      if (c.remove.length > 2000 && c.remove.length > size / 3) {
        var keep = geo.events.filter(function (e) { return e.cluster === cluster && e.inRange; });
        cluster.clearLayers();
        cluster.addLayers(keep.map(function (e) { return e.marker; }));
      } else {
        cluster.removeLayers(c.remove);
        cluster.addLayers(c.add);
      }
    });
    geo.changed();
  };

  /* Open an event's popup, zooming in or spiderfying its cluster as needed. */
  geo.openEvent = function (id) {
    var e = geo.events.find(function (x) { return x.id === id; });
    if (!e) { return; }
    var map = geo.map;
    if (!e.group._map) { e.group.addTo(map); }
    // a popup no taller than the map (which is short while the table is open)
    var fit = Math.max(160, map.getSize().y - 90);
    geo.markerFor(e).getPopup().options.maxHeight = fit;
    if (e.cluster) {
      e.cluster.zoomToShowLayer(e.marker, function () { e.marker.openPopup(); });
      return;
    }
    map.once("moveend", function () {
      var marker = geo.markerFor(e);
      if (marker._map) { marker.openPopup(); return; }
      L.popup({maxWidth: 380, maxHeight: fit}).setLatLng([e.lat, e.lon]).setContent(e.popup).openOn(map);
    });
    map.setView([e.lat, e.lon], Math.max(map.getZoom(), 12));
  };

  /* Once every side is registered: listen to the overlays and draw the first state. */
  geo.start = function (map, options) {
    geo.map = map;
    geo.drawCircles(options.circleLimit);
    map.on("overlayadd overlayremove", function () { geo.changed(); });
    geo.changed();
  };
})();

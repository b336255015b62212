/* Clusters for large maps: the events of one side binned into a screen grid on each view.
 *
 * Leaflet.markercluster builds a cluster tree over every zoom level as markers are
 * added, which is what a date filter redoes: seconds at 100,000 events.  Here the events
 * shown are binned into CELL-pixel cells of the current view after every move, zoom or
 * filter — one pass of arithmetic over the events, with their projected points cached per
 * zoom — and only the cells in view get an icon.  A cell of one event is its marker; a
 * larger cell is a disc with its count that zooms in when clicked and, at the last zoom,
 * lists its events.
 */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  var CELL = 80, LAST_ZOOM = 16;

  function clusterIcon(n, colour) {
    var size = n < 100 ? 30 : n < 10000 ? 36 : 42;
    var div = '<div style="background:' + colour + ';color:#fff;border:2px solid #fff;border-radius:50%;'
      + "width:" + size + "px;height:" + size + "px;line-height:" + (size - 4) + "px;text-align:center;"
      + 'font:bold 12px sans-serif;box-shadow:0 0 3px rgba(0,0,0,.5)">' + n + "</div>";
    return L.divIcon({html: div, className: "geo-cluster", iconSize: L.point(size, size)});
  }

  var GridCluster = null;  // made on first use: this file may load before Leaflet (--cdn)

  function gridClass() { return GridCluster || (GridCluster = L.Layer.extend({
    initialize: function (events, colour, slot) {
      // each side's discs sit on their own spot of a small ring round the cell's centre,
      // so the sides' counts for one cell do not hide one another
      var angle = slot * Math.PI / 4;
      this._offset = [Math.round(16 * Math.cos(angle)), Math.round(16 * Math.sin(angle))];
      this._events = events;
      this._colour = colour;
      this._projected = {};
      this._icons = L.layerGroup();
    },
    onAdd: function (map) {
      this._icons.addTo(map);
      map.on("moveend", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      map.off("moveend", this.redraw, this);
      map.removeLayer(this._icons);
    },
    _points: function (zoom) {
      if (!this._projected[zoom]) {
        var map = this._map, xy = new Float64Array(this._events.length * 2);
        this._events.forEach(function (e, i) {
          var p = map.project([e.lat, e.lon], zoom);
          xy[2 * i] = p.x; xy[2 * i + 1] = p.y;
        });
        this._projected[zoom] = xy;
      }
      return this._projected[zoom];
    },
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var zoom = map.getZoom(), xy = this._points(zoom), bounds = map.getPixelBounds();
      var x0 = bounds.min.x - CELL, y0 = bounds.min.y - CELL, x1 = bounds.max.x + CELL, y1 = bounds.max.y + CELL;
      var cells = new Map(), events = this._events;
      for (var i = 0; i < events.length; i++) {
        if (!events[i].inRange) { continue; }
        var x = xy[2 * i], y = xy[2 * i + 1];
        if (x < x0 || x > x1 || y < y0 || y > y1) { continue; }
        var key = Math.floor(x / CELL) * 4194304 + Math.floor(y / CELL);
        var cell = cells.get(key);
        if (!cell) { cells.set(key, cell = {n: 0, x: 0, y: 0, members: []}); }
        cell.n += 1; cell.x += x; cell.y += y;
        cell.members.push(i);
      }
      this._icons.clearLayers();
      var self = this;
      cells.forEach(function (cell) {
        if (cell.n === 1) {
          self._icons.addLayer(geo.markerFor(events[cell.members[0]]));
          return;
        }
        var at = map.unproject([cell.x / cell.n + self._offset[0], cell.y / cell.n + self._offset[1]], zoom);
        var disc = L.marker(at, {icon: clusterIcon(cell.n, self._colour), keyboard: true});
        disc.on("click", function () {
          if (zoom < LAST_ZOOM) {
            var box = L.latLngBounds(cell.members.map(function (j) { return [events[j].lat, events[j].lon]; }));
            map.fitBounds(box, {maxZoom: Math.min(zoom + 3, LAST_ZOOM), padding: [40, 40]});
          } else {
            disc.bindPopup(self._list(cell.members)).openPopup();
          }
        });
        self._icons.addLayer(disc);
      });
    },
    /* At the last zoom, a cell's events as a list: each line opens that event's popup. */
    _list: function (members) {
      var events = this._events, ul = document.createElement("ul");
      ul.className = "geo-cell-list";
      members.slice(0, 200).forEach(function (j) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "#";
        a.textContent = [events[j].date || "undated", events[j].type_label, events[j].attacker]
          .filter(Boolean).join(" · ");
        a.addEventListener("click", function (ev) { ev.preventDefault(); geo.openEvent(events[j].id); });
        li.appendChild(a);
        ul.appendChild(li);
      });
      return ul;
    }
  })); }

  var slots = 0;

  geo.addGridEvents = function (group, fields, rows, iconHtml, colour) {
    var events = rows.map(function (row) { return geo.register(row, fields, iconHtml, colour, null, group); });
    var Grid = gridClass(), layer = new Grid(events, colour, slots++);
    group.addLayer(layer);
    geo.onChange(function () { layer.redraw(); });
  };
})();

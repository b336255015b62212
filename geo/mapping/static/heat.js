/* The heat map overlay follows the events shown; it is redrawn only while it is on. */
(function () {
  "use strict";
  var geo = window.geo = window.geo || {};
  geo.heatFollows = function (map, group, heat) {
    function redraw(shown) {
      heat.setLatLngs(shown.map(function (e) { return [e.lat, e.lon]; }));
    }
    geo.onChange(function (shown) { if (map.hasLayer(group)) { redraw(shown); } });
    map.on("overlayadd", function (ev) { if (ev.layer === group) { redraw(geo.shown()); } });
  };
})();

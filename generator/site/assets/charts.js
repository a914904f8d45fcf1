/* Draws every chart on the page from the JSON beside it (generator/site/charts.py).
   Needs window.Plotly (vendor/plotly-basic.min.js, loaded before this file). */
(function () {
  "use strict";

  // No mode bar and no zoom: the data table beside each chart serves keyboard and
  // screen-reader users, and the bar's buttons and zoom hints are English only. Dutch
  // number separators come with each figure's layout (the basic bundle has no nl locale).
  var CONFIG = {displayModeBar: false, displaylogo: false, responsive: true,
                scrollZoom: false, doubleClick: false, showTips: false};
  // Width of a chart on paper: A4 at 96 dpi less the print margins.
  var PRINT_WIDTH = 680;

  function draw(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var nodes = scope.querySelectorAll("script.im-chart-data[data-for]");
    if (nodes.length && typeof window.Plotly === "undefined") {
      console.error("impactmonitor: plotly-basic.min.js is not loaded; charts stay empty");
      return;
    }
    Array.prototype.forEach.call(nodes, function (node) {
      var target = document.getElementById(node.getAttribute("data-for"));
      if (!target || target.getAttribute("data-im-drawn") === "1") {
        return;
      }
      var figure = JSON.parse(node.textContent);
      target.setAttribute("data-im-drawn", "1");
      window.Plotly.newPlot(target, figure.data, figure.layout, CONFIG);
    });
  }

  function drawn() {
    return document.querySelectorAll(".im-chart[data-im-drawn='1']");
  }

  // Plotly sizes charts in pixels from the screen; redraw them at paper width to print.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(drawn(), function (chart) {
      window.Plotly.relayout(chart, {width: Math.min(chart.clientWidth, PRINT_WIDTH)});
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(drawn(), function (chart) {
      window.Plotly.relayout(chart, {width: null, autosize: true});
    });
  });

  // For pages whose content arrives later (decrypted, or swapped in by instant loading):
  // dispatch "impactmonitor:content" on the new content, or call draw() directly.
  window.impactmonitorCharts = {draw: draw};
  document.addEventListener("impactmonitor:content", function (event) {
    draw(event.target);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    // Material for MkDocs: document$ emits on the first load and after every instant navigation.
    window.document$.subscribe(function () { draw(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  } else {
    draw(document);
  }
})();

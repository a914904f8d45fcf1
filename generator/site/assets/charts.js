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
      // A point opens its audit entry: its page is the trace's (meta[1]) or the point's own
      // (a third item of its customdata), the fragment its figure id (charts.py `_points`).
      target.on("plotly_click", function (event) {
        var point = event && event.points && event.points[0];
        var custom = point && point.customdata;
        var meta = point && point.data && point.data.meta;
        if (!custom || !custom[1] || !meta || typeof meta[1] !== "string") {
          return;  // a chart without audit entries (the sensitivity chart)
        }
        var page = custom.length > 2 ? custom[2] : meta[1];
        var fragment = encodeURIComponent(custom[1]).replace(/%3D/g, "=");
        window.location.href = new URL(page + "#" + fragment, window.location.href).href;
      });
      var holder = target.closest("figure");
      var images = holder && holder.querySelector(".im-chart-images");
      if (images) {
        images.hidden = false;  // PNG and SVG need the drawn chart
      }
    });
    showAlone();
  }

  // PNG and SVG of a drawn chart, made in the browser (a data: URL, never a request, so
  // the encrypted site needs nothing from its service worker for them).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.im-chart-image");
    if (!button) {
      return;
    }
    var chart = document.getElementById(button.getAttribute("data-for"));
    if (!chart || typeof window.Plotly === "undefined") {
      return;
    }
    window.Plotly.downloadImage(chart, {
      format: button.getAttribute("data-format"), filename: chart.id,
      width: Math.max(chart.clientWidth, 640), height: chart.clientHeight || 360,
    });
  });

  // "#grafiek-<chart id>" opens the chart on its own: everything else on the page is
  // hidden until the address has another fragment (or none).
  var ALONE = "im-chart-alone", HIDDEN = "im-alone-hidden";

  function showAlone() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var figure = id ? document.getElementById(id) : null;
    Array.prototype.forEach.call(document.querySelectorAll("." + HIDDEN), function (node) {
      node.classList.remove(HIDDEN);
    });
    var back = document.querySelector(".im-alone-back");
    if (back) {
      back.parentNode.removeChild(back);
    }
    var alone = Boolean(figure && figure.classList.contains("im-chart-figure"));
    document.documentElement.classList.toggle(ALONE, alone);
    if (!alone) {
      return;
    }
    var article = figure.closest("article") || document.body;
    for (var node = figure; node && node !== article; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node) {
          sibling.classList.add(HIDDEN);
        }
      });
    }
    var link = document.createElement("p");
    link.className = "im-alone-back";
    link.innerHTML = '<a href="' + window.location.pathname + '">Hele pagina tonen</a>';
    figure.parentNode.insertBefore(link, figure);
    var chart = figure.querySelector(".im-chart[data-im-drawn='1']");
    if (chart) {
      window.Plotly.Plots.resize(chart);
    }
  }

  window.addEventListener("hashchange", showAlone);

  function drawn() {
    return document.querySelectorAll(".im-chart[data-im-drawn='1']");
  }

  // Plotly sizes charts in pixels from the screen; redraw them at paper width to print.
  // The build's printer (generator/site/pdf.py) calls forPrint() and waits for it before it
  // prints, so that no redraw is still running when the page is put on paper; beforeprint
  // then has nothing left to do. A reader printing from the browser gets the same widths.
  var printing = false;

  function atPrintWidth() {
    return Promise.all(Array.prototype.map.call(drawn(), function (chart) {
      var width = Math.min(chart.clientWidth, PRINT_WIDTH);
      if (chart.layout && chart.layout.width === width) {
        return null;
      }
      // A chart with its width and height set does not follow window resizes either.
      return window.Plotly.relayout(chart, {width: width});
    }));
  }

  function forPrint() {
    printing = true;
    return atPrintWidth().then(function () { return drawn().length; });
  }

  window.addEventListener("beforeprint", function () {
    if (!printing) {
      atPrintWidth();
    }
  });
  window.addEventListener("afterprint", function () {
    if (printing) {
      return;
    }
    Array.prototype.forEach.call(drawn(), function (chart) {
      window.Plotly.relayout(chart, {width: null, autosize: true});
    });
  });

  // For pages whose content arrives later (decrypted, or swapped in by instant loading):
  // dispatch "impactmonitor:content" on the new content, or call draw() directly.
  window.impactmonitorCharts = {draw: draw, forPrint: forPrint};
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

/* The search index is fetched when the reader first uses the search, not on every first
   visit: at 20 regions it is most of the bytes of a first visit, and most visits never
   search. Material for MkDocs asks for search/search_index.json (with XMLHttpRequest) as
   soon as its bundle runs and has no setting to wait; this file, loaded before the bundle,
   holds that one request back until the search field gets focus (a click or tap, or the
   keys s, f and / that Material binds to it) or the address carries a query (?q=).
   Everything else Material asks for goes out at once. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var used = /[?&]q=/.test(window.location.search);

  function use() {
    if (used) {
      return;
    }
    used = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.imSearchIndex = INDEX.test(new URL(String(url), window.location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.imSearchIndex || used) {
      return send.apply(request, args);
    }
    held.push(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[name='query']")) {
      use();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") {  // the toggle on narrow screens
      use();
    }
  });
  document.addEventListener("pointerdown", function (event) {
    // Pressing the search button already starts the fetch, a moment before its focus.
    if (event.target.closest && event.target.closest("label[for='__search'], .md-search")) {
      use();
    }
  });
})();

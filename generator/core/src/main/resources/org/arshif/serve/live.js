// Arshif preview: reloads this tab when the server says its page changed. Served only by arshif:serve,
// as an external file so that the pages' Content-Security-Policy (script-src 'self') holds.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var source = new EventSource("/__arshif/events?path=" + encodeURIComponent(location.pathname));
  source.addEventListener("reload", function () {
    source.close();
    location.reload();
  });
  var dismiss = document.getElementById("arshif-overlay-close");
  if (dismiss) {
    dismiss.addEventListener("click", function () {
      var overlay = document.getElementById("arshif-overlay");
      if (overlay) {
        overlay.hidden = true;
      }
    });
  }
})();

/*
 * The Print button under a page's title (overrides/partials/eme/print.html) opens the browser's
 * print dialog; without scripts it stays hidden, and the browser's own menu prints the page.
 */
(function () {
  "use strict";

  document.querySelectorAll(".eme-print-actions").forEach(function (actions) {
    actions.querySelector("button").addEventListener("click", function () {
      window.print();
    });
    actions.hidden = false;
  });
})();

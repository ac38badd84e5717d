/*
 * Checklists (Markdown task lists) keep their ticks in the browser's local storage, so a reader
 * can come back to a plan. Ticks are kept per page address, so each language's page has its
 * own, and per item text. Without scripts the list still has its boxes, to tick before printing
 * or on paper.
 */
(function () {
  "use strict";

  var PREFIX = "eme-checklist:";

  // Local storage may be turned off, full or missing (some private windows): ticks then last
  // as long as the page, and there is nothing to clear.
  function openStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem(PREFIX, "");
      storage.removeItem(PREFIX);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function setUp() {
    // Each box is in a label with its item's words (scripts/eme_toolkit/checklist.py).
    var boxes = Array.prototype.slice.call(
      document.querySelectorAll(".md-content .task-list-item label > input[type=checkbox]")
    );
    if (!boxes.length) return;

    // An item is known by its words; words that come again on the page are counted.
    var seen = {};
    var keys = boxes.map(function (box) {
      var text = box.parentNode.textContent.replace(/\s+/g, " ").trim();
      seen[text] = (seen[text] || 0) + 1;
      return seen[text] > 1 ? text + " #" + seen[text] : text;
    });
    var storage = openStorage();
    if (!storage) return;
    var name = PREFIX + location.pathname.replace(/index\.html$/, "");

    function read() {
      try {
        var ticked = JSON.parse(storage.getItem(name) || "[]");
        return Array.isArray(ticked) ? ticked : [];
      } catch (error) {
        return [];
      }
    }

    function save() {
      var ticked = keys.filter(function (key, index) { return boxes[index].checked; });
      try {
        if (ticked.length) storage.setItem(name, JSON.stringify(ticked));
        else storage.removeItem(name);
      } catch (error) {
        // Storage full: the ticks stay on the page.
      }
    }

    var ticked = read();
    boxes.forEach(function (box, index) {
      box.checked = ticked.indexOf(keys[index]) !== -1;
      box.addEventListener("change", save);
    });

    var actions = document.querySelector(".eme-checklist-actions");
    if (actions) setUpClearing(actions, boxes, save);
  }

  // "Clear ticks" clears every box at once; "Undo", the next button, brings the ticks back
  // until a box is ticked again. The status line says which happened (a live region: screen
  // readers announce it) in the page's language (overrides/partials/eme/checklist.html).
  function setUpClearing(actions, boxes, save) {
    var clear = actions.querySelector(".eme-checklist-clear");
    var undo = actions.querySelector(".eme-checklist-undo");
    var status = actions.querySelector(".eme-checklist-status");
    var cleared = null; // each box's state before the last clearing, while it can be undone

    function tell(message) {
      status.textContent = message || "";
    }

    clear.addEventListener("click", function () {
      var states = boxes.map(function (box) { return box.checked; });
      if (states.indexOf(true) === -1) return;
      boxes.forEach(function (box) { box.checked = false; });
      save();
      cleared = states;
      undo.hidden = false;
      tell(status.getAttribute("data-cleared"));
    });

    undo.addEventListener("click", function () {
      if (!cleared) return;
      boxes.forEach(function (box, index) { box.checked = cleared[index]; });
      save();
      cleared = null;
      clear.focus(); // Undo hides itself: the focus stays on the buttons
      undo.hidden = true;
      tell(status.getAttribute("data-restored"));
    });

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        cleared = null;
        undo.hidden = true;
        tell("");
      });
    });
    actions.hidden = false;
  }

  setUp();
})();

/*
 * The language selector keeps the reader's section, search hears every change of its box, a
 * search result leads to its section with the words found highlighted, nothing off the
 * screen takes a Tab stop, and Material fetches no sitemaps.
 *
 * The selector's links already lead to this page in each language (headings keep their ids
 * across languages), so a link is followed as it is, with the current #section added. Material
 * would otherwise take the click over and look the page up in sitemaps, dropping the section.
 */
(function () {
  "use strict";

  function withSection(link) {
    var plain = link.getAttribute("data-plain-href") || link.getAttribute("href");
    link.setAttribute("data-plain-href", plain);
    var url = new URL(plain, location.href);
    url.hash = location.hash;
    link.setAttribute("href", url.href);
  }

  // Material fetches sitemap.xml beside each <link rel=alternate> of the head once the
  // document is ready, to map its selector's links to the same page in another language: one
  // request per link (x-default's, the default language's address, a second time), and one
  // to another origin when the site is served elsewhere than its site_url (a preview, a fork),
  // which the browser refuses with an error on every page. The selector's links already lead
  // to the same page, so Material is shown no alternates: they are renamed for the moment its
  // DOMContentLoaded listener (added before this script's) looks for them, and are back before
  // any other script runs. Search engines read them as the HTML has them.
  var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  alternates.forEach(function (link) { link.setAttribute("rel", "eme-alternate"); });
  document.addEventListener("DOMContentLoaded", function () {
    alternates.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });

  var current = document.documentElement.lang;
  document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
    // The reader's own language is marked, for screen readers and to the eye (site.css).
    if (link.getAttribute("hreflang") === current) link.setAttribute("aria-current", "page");
    ["focus", "mouseenter"].forEach(function (type) {
      link.addEventListener(type, function () { withSection(link); });
    });
    link.addEventListener("click", function (event) {
      withSection(link);
      event.stopPropagation(); // the browser follows the link; Material does not see the click
    });
  });

  // Material searches when a key is released in the search box. Letters that are not on the
  // keyboard's own keys (ä, ö typed with an on-screen keyboard or a compose key) and pasted text
  // change the box without one, so every change is passed on as a key release.
  var query = document.querySelector(".md-search__input");
  if (query) {
    query.addEventListener("input", function () {
      query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  // On a narrow screen the search box is an overlay off the screen until the search button
  // opens it: closed, it takes no Tab stop. Material's own shortcut ("/") still focuses it,
  // which opens it, and Material opens and closes it with a click on its toggle.
  var searchToggle = document.getElementById("__search");
  var narrow = window.matchMedia("(max-width: 59.984375em)");
  function searchTabStop() {
    if (query && searchToggle) query.tabIndex = narrow.matches && !searchToggle.checked ? -1 : 0;
  }
  if (searchToggle) searchToggle.addEventListener("change", searchTabStop);
  narrow.addEventListener("change", searchTabStop);
  searchTabStop();

  // The results' frame scrolls the results (Material moves through them with the arrow keys,
  // not Tab), so it takes a Tab stop while there are results, and none while it is empty
  // (overrides/partials/search.html, site.css).
  var results = document.querySelector(".md-search-result__list");
  var frame = document.querySelector(".md-search__scrollwrap");
  if (results && frame) {
    new MutationObserver(function () {
      if (results.children.length) frame.tabIndex = 0;
      else frame.removeAttribute("tabindex");
    }).observe(results, { childList: true });
  }

  // A search result shows the words it was found by highlighted: whole words of the page, in
  // the page's own forms (the search worker, search-forgiving.js, finds "counsellor" for
  // "counsellors"). The result a reader opens hands them to its page, which highlights them
  // there too, once; the address stays the page's own.
  var FOUND = "eme-search-found";
  // Letters of any script: with their combining marks (Arabic vowel signs) and Persian's joiners.
  var LETTERS = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
  function wordsOf(text) {
    return (text.toLowerCase().normalize("NFC").match(LETTERS) || []);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-search-result__link");
    if (!link) return;
    var words = [];
    link.querySelectorAll("mark").forEach(function (mark) {
      words = words.concat(wordsOf(mark.textContent));
    });
    var page = new URL(link.href);
    try {
      sessionStorage.setItem(FOUND, JSON.stringify({ page: page.pathname, words: words }));
    } catch (error) {
      // Storage turned off: the page opens without highlights.
    }
  }, true);

  function highlightFound() {
    var found = null;
    try {
      found = JSON.parse(sessionStorage.getItem(FOUND) || "null");
      sessionStorage.removeItem(FOUND);
    } catch (error) {
      return;
    }
    var article = document.querySelector(".md-content article");
    if (!found || found.page !== location.pathname || !found.words.length || !article) return;
    var wanted = new Set(found.words);
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest("mark, script, style, .headerlink")) nodes.push(node);
    }
    nodes.forEach(function (text) {
      var parts = text.data.split(/([\p{L}\p{M}\p{N}\u200c\u200d]+)/u);
      if (!parts.some(function (part) { return wanted.has(part.toLowerCase().normalize("NFC")); })) return;
      var marked = document.createDocumentFragment();
      parts.forEach(function (part) {
        if (wanted.has(part.toLowerCase().normalize("NFC"))) {
          var mark = document.createElement("mark");
          mark.textContent = part;
          marked.appendChild(mark);
        } else if (part) {
          marked.appendChild(document.createTextNode(part));
        }
      });
      text.replaceWith(marked);
    });
  }
  highlightFound();

  // A table wider than the page scrolls inside Material's wrapper. A keyboard reader can only
  // scroll it when the wrapper takes focus, and a screen reader names it by the heading above.
  function labelScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      wrap.tabIndex = 0;
      var heading = null;
      for (var el = wrap.previousElementSibling; el && !heading; el = el.previousElementSibling) {
        if (/^H[1-6]$/.test(el.tagName)) heading = el;
      }
      if (heading && heading.id) {
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-labelledby", heading.id);
      }
    });
  }
  // Material wraps the tables once the document is ready: its document$ emits then.
  if (window.document$) window.document$.subscribe(labelScrollingTables);
  window.addEventListener("resize", labelScrollingTables);
})();

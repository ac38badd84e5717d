/*
 * The site's search worker: Material for MkDocs' own worker, unchanged, wrapped so that search
 * forgives the way readers type.
 *
 * Each language's index (written by scripts/eme_toolkit/search.py) is built here with that
 * language's lunr stemmer. Left alone, Material appends a wildcard to every typed word and
 * lunr does not stem a word with a wildcard, so only the exact beginning of a word is found.
 * This worker changes two things around Material's worker (their code is in
 * search-forgiving.js):
 *
 * 1. While the index is built, each word of the text is indexed under several terms (see
 *    `forms`): the word as it stands (a half-typed word is a beginning of it, not of its stem),
 *    its base (its stem; for Finnish a looser one, as the stemmer leaves "kielen" and "kieli",
 *    "työhakemuksia" and "työhakemus" apart), the bases of the end parts of a compound word
 *    ("ammattisanastoa" -> "sanasto") for languages that write compounds as one word; all of
 *    them without diacritics ("työelämä" -> "tyoelama"), as each typed word is looked up.
 *
 * 2. Each query is rewritten into one lunr query over those terms (see `lunrQuery`), and its
 *    results are ranked (see `rank`) by how each section holds the reader's words: the fewest
 *    missing, then each as typed, in another form, with a typo or as a compound part before a
 *    word that merely begins with it, then the page's weight (`search: boost:`). A word of 5+
 *    letters that begins no term of the index is looked up as the terms one typo away; a
 *    hyphenated word is also indexed joined, and a word typed joined is also looked up apart.
 *    Each result names the reader's words as typed ("Missing: ..."), highlights each word of
 *    the text once, and shows its page's tags once.
 *
 * Suggestions (search.suggest) are terms of the index; each is shown as a word of the text
 * instead: the shortest one under that term that starts with what the reader is typing.
 *
 * The index is loaded when the reader first searches, not with the page, and so are
 * search-forgiving.js and Material's worker: a first visit downloads only this file. Material's
 * page script sends the index it fetched on load, which holds only the index's settings; this
 * worker answers that it is ready, and at the first query loads the whole index (?index=<url>,
 * relative to this file), search-forgiving.js and Material's own worker, builds the index with
 * them, then answers the query.
 *
 * Material's worker file name carries a hash; the page passes it as ?worker=<name>.
 * What this relies on in Material's worker (its message types, that it builds the index with
 * lunr() from the language's lunr.<code>.min.js plugin, the fields title/text/tags) is listed
 * in scripts/eme_toolkit/internals.py and tested by tests/browser/test_search.py.
 */
(function () {
  "use strict";
  var params = new URL(self.location.href).searchParams;
  var name = params.get("worker") || "";
  var indexUrl = params.get("index") ? new URL(params.get("index"), self.location.href) : null;
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) {
    throw new Error("search-i18n.js: expected ?worker=search.<hash>.min.js, got " + name);
  }
  var FORGIVING = "search-forgiving.js"; // next to this file

  // ---------------------------------------------------------------- messages

  var post = self.postMessage.bind(self);
  var answers = []; // what waits for Material's next results, in the order asked (see deliver)
  self.postMessage = function (message) {
    if (message && message.type === 1 && state === "loading") {
      // Material's worker has built the whole index: the page was told "ready" long ago.
      state = "ready";
      if (pending) deliver(pending);
      pending = null;
      return undefined;
    }
    if (message && message.type === 3 && answers.length) {
      return answers.shift()(message.data);
    }
    return post.apply(null, arguments);
  };

  // Messages from the page go to Material's worker through `deliver`, which rewrites a query
  // into a lunr query and answers with its results in tiers; until the whole index is loaded,
  // they wait here.
  var material = null; // Material's message listener, once its worker is loaded
  var setup = null; // the page's setup message, with the index's settings
  var pending = null; // the latest query that arrived while the index was loading
  var state = "waiting"; // waiting, loading (whole index, then Material's setup), ready

  function deliver(message) {
    if (message.type !== 2 || typeof message.data !== "string") return material({ data: message });
    var asked = self.forgivingSearch.ask(message.data);
    answers.push(function (result) { post({ type: 3, data: asked.answer(result) }); });
    material({ data: { type: 2, data: asked.query } }); // "" when no words: no results
  }

  // The forgiving part (FORGIVING), then Material's worker, which registers its listener below:
  // only when the reader first searches, so that a first visit does not download them.
  function loadWorkers() {
    importScripts(FORGIVING);
    importScripts(name);
  }

  function loadIndex() {
    state = "loading";
    fetch(indexUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(indexUrl + ": " + response.status);
        return response.json();
      })
      .then(function (index) {
        loadWorkers();
        var message = { type: 0, data: { config: index.config, docs: index.docs,
                                          options: setup.data.options } };
        self.forgivingSearch.remember(message);
        material({ data: message }); // it answers "ready" (see postMessage above)
      });
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type === "message") material = listener;
    else listen(type, listener, options);
  };

  listen("message", function (event) {
    var message = event.data || {};
    if (!indexUrl) {
      // No index to load later (an older page): Material's worker takes everything now.
      if (!material) loadWorkers();
      if (message.type === 0 && message.data && message.data.config) {
        self.forgivingSearch.remember(message);
      }
      return deliver(message);
    }
    if (message.type === 0) {
      setup = message;
      post({ type: 1 }); // ready: the page may send queries
    } else if (state === "ready") {
      deliver(message);
    } else if (message.type === 2 && !String(message.data).trim()) {
      // The page sends the empty query of a fresh search box: nothing to look up yet.
      post({ type: 3, data: { items: [] } });
    } else {
      pending = message; // only the latest query matters
      if (state === "waiting") loadIndex();
    }
  });
})();

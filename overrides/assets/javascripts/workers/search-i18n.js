/*
 * The site's search worker: Material for MkDocs' own worker, unchanged, with one step added.
 *
 * Each language's index (written by scripts/eme_toolkit/search.py) holds the stems of its words, made
 * by that language's lunr stemmer. Material appends a wildcard to every word typed, and lunr
 * does not stem a word that has a wildcard, so "counsellors" or "vertaisohjaajan" would look
 * for index words starting with those letters and miss "counsellor" or "vertaisohjaaja". Here
 * each typed word is first reduced to its stem with the same stemmer, then handed to Material.
 *
 * While a word is being typed it is not whole yet, and its beginning may be longer than the
 * whole word's stem ("professi" of "profession", stem "profess"). So the index keeps each word
 * as it stands as well as its stem: the stemmer is wrapped to give both.
 *
 * Suggestions (search.suggest) are words of the index, so stems; each is shown as a word of the
 * text instead: the shortest one with that stem that starts with what the reader is typing.
 *
 * The index is loaded when the reader first searches, not with the page. Material's page
 * script sends the index it fetched on load, which holds only the index's settings; this worker
 * answers that it is ready, and at the first query loads the whole index (?index=<url>, relative
 * to this file) and Material's own worker, builds the index with it, then answers the query.
 *
 * Material's worker file name carries a hash; the page passes it as ?worker=<name>.
 */
(function () {
  "use strict";
  var params = new URL(self.location.href).searchParams;
  var name = params.get("worker") || "";
  var indexUrl = params.get("index") ? new URL(params.get("index"), self.location.href) : null;
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) {
    throw new Error("search-i18n.js: expected ?worker=search.<hash>.min.js, got " + name);
  }

  var language = "en";
  var docs = [];
  var separator = /[\s\-]+/;
  var words = null; // stem -> the words of the text with that stem
  var typing = ""; // the word the reader is typing, as typed

  // The language's stemmer itself (the index uses it wrapped, see keepWords below).
  function stemmer() {
    var lunr = self.lunr;
    if (!lunr) return null;
    var stem = language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer;
    return stem ? stem.stemOnly || stem : null;
  }

  // A run of letters or digits is a word; one followed by ':' names a field (title:...) and
  // stays as it is, as does every operator around the words (+ - ~ ^ * and quotes).
  function stemQuery(query) {
    var stem = stemmer();
    if (!stem) return query;
    return query.replace(/([\p{L}\p{N}]+)(:?)/gu, function (match, word, colon) {
      if (colon) return match;
      var token = stem(new self.lunr.Token(word.toLowerCase(), {}));
      var text = token ? token.toString() : "";
      return text || word.toLowerCase();
    });
  }

  function wordsByStem() {
    if (words) return words;
    var stem = stemmer();
    words = {};
    if (!stem) return words;
    docs.forEach(function (doc) {
      var text = [doc.title, doc.text].join(" ").replace(/<[^>]*>/g, " ").toLowerCase();
      text.split(separator).forEach(function (raw) {
        var word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (!word) return;
        var key = stem(new self.lunr.Token(word, {})).toString();
        var known = words[key] || (words[key] = []);
        if (known.indexOf(word) < 0) known.push(word);
      });
    });
    return words;
  }

  function asWord(stemmed) {
    var start = typing.toLowerCase();
    var matching = (wordsByStem()[stemmed] || []).filter(function (word) {
      return word.indexOf(start) === 0;
    });
    matching.sort(function (a, b) { return a.length - b.length; });
    return matching.length ? matching[0] : stemmed;
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 1 && state === "loading") {
      // Material's worker has built the whole index: the page was told "ready" long ago.
      state = "ready";
      if (pending) deliver(pending);
      pending = null;
      return undefined;
    }
    if (message && message.type === 3 && message.data && message.data.suggest) {
      message.data.suggest = message.data.suggest.map(asWord);
    }
    return post.apply(null, arguments);
  };

  // Messages from the page go to Material's worker through `deliver`, which stems the words
  // of a query first; until the whole index is loaded, they wait here.
  var material = null; // Material's message listener, once its worker is loaded
  var setup = null; // the page's setup message, with the index's settings
  var pending = null; // the latest query that arrived while the index was loading
  var state = "waiting"; // waiting, loading (whole index, then Material's setup), ready

  function remember(message) {
    var config = message.data.config;
    language = (config.lang || ["en"])[0];
    separator = new RegExp(config.separator || "[\\s\\-]+");
    docs = message.data.docs || [];
    words = null;
  }

  function deliver(message) {
    if (message.type === 2 && typeof message.data === "string") {
      typing = message.data.split(separator).pop() || "";
      message = { type: 2, data: stemQuery(message.data) };
    }
    material({ data: message });
  }

  function loadIndex() {
    state = "loading";
    fetch(indexUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(indexUrl + ": " + response.status);
        return response.json();
      })
      .then(function (index) {
        importScripts(name); // Material's worker, which registers its listener below
        var message = { type: 0, data: { config: index.config, docs: index.docs,
                                          options: setup.data.options } };
        remember(message);
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
      if (!material) importScripts(name);
      if (message.type === 0 && message.data && message.data.config) remember(message);
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

  // Index each word both as its stem and as it stands (see above).
  function keepWords(stem) {
    if (!stem || stem.keepsWords) return stem;
    var both = function (token, index, tokens) {
      var word = token.clone();
      var stemmed = stem(token, index, tokens);
      if (!stemmed || stemmed.toString() === word.toString()) return stemmed;
      return [stemmed, word];
    };
    both.label = stem.label; // registered under the stemmer's name: no lunr warning
    both.keepsWords = true;
    both.stemOnly = stem;
    return both;
  }

  function wrapStemmers() {
    var lunr = self.lunr;
    if (!lunr) return;
    lunr.stemmer = keepWords(lunr.stemmer);
    Object.keys(lunr).forEach(function (key) {
      var plugin = lunr[key];
      if (plugin && typeof plugin === "function" && plugin.stemmer && key.length <= 3) {
        plugin.stemmer = keepWords(plugin.stemmer);
      }
    });
  }

  // Material loads the language's stemmer (lunr.<code>.min.js) just before building the index.
  var load = self.importScripts.bind(self);
  self.importScripts = function () {
    load.apply(null, arguments);
    wrapStemmers();
  };

})();

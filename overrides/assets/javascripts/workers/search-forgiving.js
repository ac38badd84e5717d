/*
 * How the site's search forgives the way readers type: loaded by search-i18n.js (read its first
 * comment) at a reader's first search, before Material's worker, in the same worker. It wraps
 * lunr's stemmers as Material's worker loads them, and gives search-i18n.js `forgivingSearch`:
 * `remember(setup)` for the index being built, and `ask(query)`, the lunr query Material's
 * worker is to run and how to rank its results.
 */
(function () {
  "use strict";

  // Languages that write compound words as one word: their long words are split into parts.
  var COMPOUNDING = ["da", "de", "fi", "nb", "nl", "no", "sv"];
  var FUZZY_LETTERS = 5; // a typed word this long or longer may have one typo
  var PART_LETTERS = 4; // the shortest end part of a compound worth indexing
  var HEAD_LETTERS = 3; // the shortest first part of a compound
  var MAX_NEIGHBOURS = 10; // the most index terms a word with a typo is looked up as
  // A word: letters, digits and the marks that combine with them (Arabic vowel signs,
  // Devanagari's), and the joiners that Persian writes inside words.
  var WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;

  // A table keyed by words of the text: without a prototype, "constructor" is a word like any.
  function table() {
    return Object.create(null);
  }

  var language = "en";
  // The language whose pages a language in progress shows where it lacks its own (the
  // index's `fallback`): its words are also indexed and looked up in that language's forms.
  var fallback = null;
  var docs = [];
  var byLocation = table(); // location -> its document
  var separator = /[\s\-]+/;
  var vocabulary = null; // the words of the text and their stems, for splitting compounds
  var termWords = table(); // index term -> the words of the text indexed under it
  var sortedTerms = null; // every index term, sorted, to tell whether a prefix begins one
  var typing = ""; // the word the reader is typing, as typed

  // ---------------------------------------------------------------- word forms

  // A language's stemmer itself, unwrapped (the index uses it wrapped, see indexForms); none
  // for a language Material ships no stemmer for: its words are indexed as written.
  function stemmer(code) {
    var lunr = self.lunr;
    if (!lunr || !code) return null;
    var stem = code === "en" ? lunr.stemmer : lunr[code] && lunr[code].stemmer;
    return stem ? stem.stemOnly || stem : null;
  }

  var stemCaches = table(); // language -> word -> its stem: the same words come again
  function stemIn(code, word) {
    var cache = stemCaches[code] || (stemCaches[code] = table());
    if (cache[word]) return cache[word];
    var stem = stemmer(code);
    var token = stem ? stem(new self.lunr.Token(word, {})) : null;
    return (cache[word] = (token && token.toString()) || word);
  }

  function stemOf(word) {
    return stemIn(language, word);
  }

  // The word's stem in the fallback language, where it differs from the word's own base.
  function fallbackStem(word) {
    if (!fallback || fallback === language) return null;
    var stem = stemIn(fallback, word);
    return stem !== word ? stem : null;
  }

  // Without diacritics: å, ä, ö -> a, a, o (and é -> e, ü -> u, й -> и, Arabic vowel signs
  // left out), and without the joiners inside Persian words.
  function fold(text) {
    return text.normalize("NFD").replace(/[\p{M}\u200c\u200d]+/gu, "").normalize("NFC");
  }

  // Finnish word endings the stemmer leaves apart: "työhakemus"/"työhakemuks(ia)",
  // "voimaantumin(en)"/"voimaantumis(een)"/"kotoutumis(palvelut)", "kieli"/"kiele(n)".
  // Other languages: the stem.
  function baseOf(stem) {
    if (language !== "fi" || stem.length < 5) return stem;
    return stem
      .replace(/ks(e)?$/, "s")
      .replace(/i(n|se?)$/, "i")
      .replace(/([^aeiouyäö])[ei]$/, "$1");
  }

  // Stop words are not indexed: the filter of the language the index was built with tells
  // them, and in a language in progress, the fallback language's too.
  var indexLang = "en"; // the index's lunr language (`lang`: English's for one without a stemmer)
  function isStopWord(word) {
    var lunr = self.lunr;
    return [indexLang, fallback].some(function (code) {
      var filter = code === "en" ? lunr.stopWordFilter : code && lunr[code] && lunr[code].stopWordFilter;
      return Boolean(filter) && !filter(new lunr.Token(word, {}));
    });
  }

  // The words of the text and their stems, and the first parts of its compound words: a word
  // that ends in a form of a word of the text ("vertais|ryhmä") starts with a first part.
  function learnVocabulary() {
    var known = { words: table(), stems: table(), heads: table() };
    docs.forEach(function (doc) {
      var text = [doc.title, doc.text].join(" ").replace(/<[^>]*>/g, " ").toLowerCase();
      (text.match(WORD) || []).forEach(function (word) { known.words[word] = true; });
    });
    var words = Object.keys(known.words);
    words.forEach(function (word) { known.stems[stemOf(word)] = true; });
    if (COMPOUNDING.indexOf(language) >= 0) {
      words.forEach(function (word) {
        for (var i = HEAD_LETTERS; i <= word.length - PART_LETTERS; i++) {
          if (isForm(word.slice(i), known)) known.heads[word.slice(0, i)] = true;
        }
      });
    }
    return known;
  }

  // Whether `part` is a word of the text or a form of one: a stem of the text and an ending of
  // up to 4 letters ("ammatti" = "ammat" + "ti"). Looked up, not stemmed: this runs for every
  // split of every long word.
  function isForm(part, known) {
    if (known.words[part]) return true;
    for (var end = part.length; end >= Math.max(HEAD_LETTERS, part.length - 4); end--) {
      if (known.stems[part.slice(0, end)]) return true;
    }
    return false;
  }

  // The end parts of a compound word whose first part is a first part of the text or a form of
  // one of its words: "ammatti|sanastoa" -> "sanastoa", "vertais|ohjaaja" -> "ohjaaja". (Its
  // first part needs no term of its own: a query for it is a beginning of the word.) A short
  // word has none.
  function partsOf(word) {
    if (COMPOUNDING.indexOf(language) < 0 || word.length < HEAD_LETTERS + PART_LETTERS) return [];
    var known = vocabulary || (vocabulary = learnVocabulary());
    var parts = [];
    for (var i = HEAD_LETTERS; i <= word.length - PART_LETTERS; i++) {
      var head = word.slice(0, i);
      if (known.heads[head] || isForm(head, known)) parts.push(word.slice(i));
    }
    return parts;
  }

  // Every term a word of the text is indexed under (see the top of this file).
  var formsCache = table();
  function forms(word) {
    if (formsCache[word]) return formsCache[word];
    // Queries look for the beginning of a base (see lookUp), so the stem needs no term.
    var terms = [word, baseOf(stemOf(word)), fallbackStem(word) || word];
    partsOf(word).forEach(function (part) {
      var partStem = stemOf(part);
      if (partStem.length >= PART_LETTERS) terms.push(baseOf(partStem));
    });
    // Queries are folded too (see lookUp), so a form with diacritics needs no term of its own.
    terms = terms.map(fold);
    return (formsCache[word] = terms.filter(function (term, i) {
      return term && terms.indexOf(term) === i;
    }));
  }

  // ---------------------------------------------------------------- indexing

  // The last step of lunr's indexing pipeline, in place of the language's stemmer: one token
  // in, a token for each of the word's forms out (at the word's position, for highlighting).
  function indexForms(stem) {
    if (!stem || stem.stemOnly) return stem;
    var step = function (token) {
      var word = token.toString();
      var written = token.metadata.written || word;
      return forms(word).map(function (term) {
        var known = termWords[term] || (termWords[term] = []);
        if (known.indexOf(written) < 0) known.push(written);
        sortedTerms = null;
        return token.clone(function () { return term; });
      });
    };
    step.label = stem.label; // registered under the stemmer's name: no lunr warning
    step.stemOnly = stem;
    return step;
  }

  // lunr's English trimmer strips \W, which is ASCII only: "Piteå" would be indexed as "pite";
  // the language files' trimmers keep only their own script (Arabic's would drop every
  // English word of a fallback page). One trimmer for every language instead.
  function trimmer(token) {
    return token.update(function (text) {
      return text.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, "");
    });
  }
  trimmer.label = "trimmer";

  // A word written with hyphens ("self-study", "working-life") is also indexed as one word
  // ("selfstudy"), at the positions of its parts. The tokenizer (Material's) splits the text at
  // hyphens and keeps, in lunr.tokenizer.table, where each token stands in the field's text.
  function joiningHyphens(tokenize) {
    var joining = function (input, meta) {
      var tokens = tokenize(input, meta);
      if (typeof input !== "string") return tokens;
      var table = self.lunr.tokenizer.table;
      function span(token) {
        var at = token.metadata.position;
        var entry = table[at >>> 20] && table[at >>> 20][at & 0xfffff];
        return entry === undefined ? null : [entry >>> 12, (entry >>> 12) + ((entry >>> 2) & 0x3ff)];
      }
      var joined = [];
      var run = [];
      function close() {
        if (run.length > 1) {
          var word = run.map(String).join("");
          // As written, for a suggestion to show: "profession-focused".
          var written = input.slice(span(run[0])[0], span(run[run.length - 1])[1]).toLowerCase();
          run.forEach(function (token) {
            var whole = token.clone(function () { return word; });
            whole.metadata = Object.assign({}, token.metadata, { written: written });
            joined.push(whole);
          });
        }
      }
      tokens.forEach(function (token, i) {
        var here = span(token);
        var last = run.length ? span(run[run.length - 1]) : null;
        if (last && here && input.slice(last[1], here[0]) === "-") {
          run.push(token);
        } else {
          close();
          run = [token];
        }
        if (i === tokens.length - 1) close();
      });
      return tokens.concat(joined);
    };
    joining.joinsHyphens = true;
    return joining;
  }

  // A word of the text is indexed under several terms at one position: each position is to be
  // highlighted once, however many of its terms a query matched (Material wraps each position
  // it is given in <mark>, and a position given twice in two).
  function eachPositionOnce(results) {
    results.forEach(function (result) {
      var seen = table();
      Object.keys(result.matchData.metadata).forEach(function (term) {
        var fields = result.matchData.metadata[term];
        Object.keys(fields).forEach(function (field) {
          if (!fields[field].position) return;
          fields[field].position = fields[field].position.filter(function (position) {
            var key = field + ":" + position;
            return seen[key] ? false : (seen[key] = true);
          });
        });
      });
    });
    return results;
  }

  function setUpLunr() {
    var lunr = self.lunr;
    if (!lunr || lunr.indexForms) return;
    lunr.indexForms = true;
    lunr.trimmer = trimmer;
    // Queries reach lunr as index terms already (see `lunrQuery`): its search pipeline must not
    // stem them again.
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      this.searchPipeline.reset();
      return build.call(this);
    };
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.tokenizer.joinsHyphens) this.tokenizer = joiningHyphens(this.tokenizer);
      return add.call(this, doc, attributes);
    };
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      return eachPositionOnce(query.call(this, build));
    };
  }

  function wrapStemmers() {
    var lunr = self.lunr;
    if (!lunr) return;
    setUpLunr();
    lunr.stemmer = indexForms(lunr.stemmer);
    Object.keys(lunr).forEach(function (key) {
      var plugin = lunr[key];
      if (plugin && typeof plugin === "function" && plugin.stemmer && key.length <= 3) {
        plugin.stemmer = indexForms(plugin.stemmer);
        if (plugin.trimmer && plugin.trimmer !== trimmer) plugin.trimmer = trimmer;
      }
    });
  }

  // Material loads the language's stemmer (lunr.<code>.min.js) just before building the index.
  var load = self.importScripts.bind(self);
  self.importScripts = function () {
    load.apply(null, arguments);
    wrapStemmers();
  };

  // ---------------------------------------------------------------- querying

  // Whether some index term starts with `prefix` (binary search over the sorted terms).
  function beginsATerm(prefix) {
    if (!sortedTerms) sortedTerms = Object.keys(termWords).sort();
    var low = 0;
    var high = sortedTerms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sortedTerms[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low < sortedTerms.length && sortedTerms[low].indexOf(prefix) === 0;
  }

  // The reader's words: runs of letters or digits. A word in quotes or after + is required,
  // one after - is excluded, one after title:, text: or tags: looks in that field only. A
  // hyphen between letters joins the words of one hyphenated word ("self-study"): each is
  // looked up, and the result tells whether it holds the whole of it (`typed`, as typed).
  function parse(query) {
    var words = [];
    var pattern = /(")|(?<![\p{L}\p{M}\p{N}])([+-]?)(?:(title|text|tags):)?([\p{L}\p{M}\p{N}\u200c\u200d]+(?:-[\p{L}\p{M}\p{N}\u200c\u200d]+)*)/gu;
    var quoted = false;
    var match;
    while ((match = pattern.exec(query))) {
      if (match[1]) { quoted = !quoted; continue; }
      var typed = match[4];
      var group = words.length;
      typed.split("-").forEach(function (part) {
        var word = part.toLowerCase();
        words.push({
          word: word,
          typed: typed,
          group: group,
          presence: match[2] === "-" ? "-" : match[2] === "+" || quoted ? "+" : "",
          field: match[3] || "",
          optional: isStopWord(word),
        });
      });
    }
    return words;
  }

  // Whether two words are one typo apart as lunr's fuzzy search counts: one letter added, left
  // out or changed, or two neighbours swapped.
  function oneTypoApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    var swapped = a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] &&
      a.slice(i + 2) === b.slice(i + 2);
    return swapped ||
      a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
  }

  // The index terms one typo away from `term`, at most MAX_NEIGHBOURS (a scan of the terms,
  // only for a word that begins no term of the index).
  function neighbours(term) {
    if (!sortedTerms) sortedTerms = Object.keys(termWords).sort();
    var found = [];
    for (var i = 0; i < sortedTerms.length && found.length < MAX_NEIGHBOURS; i++) {
      if (oneTypoApart(term, sortedTerms[i])) found.push(sortedTerms[i]);
    }
    return found;
  }

  // A word as the index terms it looks for: `typed`, the beginning of a term as typed (without
  // diacritics), and `found`, the beginning of the word's base, or for a word of 5+ letters that
  // begins no term, the terms one typo away from its stem or from the word as typed (a typo
  // may change what the stemmer leaves: "vocatonal" -> "vocaton", not "vocat").
  function lookUp(word) {
    var typed = fold(word.word);
    var base = fold(baseOf(stemOf(word.word)));
    var found = [base + "*"];
    var other = fallbackStem(word.word); // "counsellors" on a page shown in English
    other = other && fold(other) !== base ? fold(other) : null;
    if (other) found.push(other + "*");
    var known = beginsATerm(base) || beginsATerm(typed) || (other && beginsATerm(other));
    if (word.word.length >= FUZZY_LETTERS && !known) {
      var stem = fold(stemOf(word.word));
      found = neighbours(stem);
      if (!found.length) found = neighbours(typed);
    }
    var fuzzy = found.length > 0 && !/\*$/.test(found[0]);
    return { word: typed, base: base, typed: typed + "*", found: found, typo: fuzzy, graded: table() };
  }

  // A word typed as one that the text writes as two ("peergroups" for "peer groups"), not a
  // word of the text itself: its two words, if it is a word of the text followed by the
  // beginning of another, each looked up, as the other way (`variant`) of holding the word
  // typed (see judge). None otherwise.
  function apart(word) {
    var typed = fold(word.word);
    if (termWords[typed] || word.presence) return [];
    for (var i = HEAD_LETTERS; i <= typed.length - HEAD_LETTERS; i++) {
      if (termWords[typed.slice(0, i)] && beginsATerm(typed.slice(i))) {
        return [word.word.slice(0, i), word.word.slice(i)].map(function (part) {
          var split = Object.assign({}, word, { word: part, variant: 1, optional: isStopWord(part) });
          split.look = lookUp(split);
          return split;
        });
      }
    }
    return [];
  }

  // The one lunr query of a query: each word's terms, all optional unless the reader required
  // the word (+word, or in quotes: then its base only) or excluded it (-word). Each term carries
  // a modifier (+, -, ^1), so Material adds no wildcard of its own.
  function lunrQuery(words) {
    return words.map(function (word) {
      var field = word.field ? word.field + ":" : "";
      if (word.presence) return word.presence + field + (word.look.found[0] || word.look.typed);
      var terms = [word.look.typed].concat(word.look.found).filter(function (term, i, all) {
        return all.indexOf(term) === i;
      });
      return terms.map(function (term) { return field + term + "^1"; }).join(" ");
    }).join(" ");
  }

  // ---------------------------------------------------------------- ranking

  // How a word of the text matches a word of the query, best first: as typed (diacritics
  // aside), another form of it (the same base), the same word with one typo, a compound word
  // ending in it, a word that begins as typed (the word being typed), a word that merely
  // begins with its base (another word: "tunnisteet" begins with "tun", the base of "tunnit").
  var AS_TYPED = 0;
  var FORM = 1;
  var TYPO = 2;
  var PART = 2;
  var BEGINNING = 3;
  var RELATED = 6;
  var NOWHERE = 99;

  // A word of the text as grade() compares it, once per word.
  var entries = table();
  function entryOf(textWord) {
    if (entries[textWord]) return entries[textWord];
    return (entries[textWord] = {
      word: fold(textWord),
      base: fold(baseOf(stemOf(textWord))),
      terms: forms(textWord),
      parts: partsOf(textWord).map(function (part) { return fold(baseOf(stemOf(part))); }),
    });
  }

  function grade(textWord, look) {
    var entry = entryOf(textWord);
    if (entry.word === look.word) return AS_TYPED;
    if (look.typo) {
      var typo = look.found.some(function (term) { return entry.terms.indexOf(term) >= 0; });
      return typo ? TYPO : entry.word.indexOf(look.word) === 0 ? BEGINNING : NOWHERE;
    }
    if (entry.base === look.base) return FORM;
    if (entry.parts.indexOf(look.base) >= 0) return PART;
    if (entry.word.indexOf(look.word) === 0) return BEGINNING;
    var related = entry.terms.some(function (term) { return term.indexOf(look.base) === 0; });
    return related ? RELATED : NOWHERE;
  }

  // The words of a section, by field, each once (a hyphenated word also joined, as indexed).
  var HYPHENATED = /[\p{L}\p{M}\p{N}\u200c\u200d]+(?:-[\p{L}\p{M}\p{N}\u200c\u200d]+)*/gu;
  var sectionWords = table();
  function wordsOf(location) {
    if (sectionWords[location]) return sectionWords[location];
    var doc = byLocation[location] || {};
    var fields = { title: doc.title || "", text: doc.text || "", tags: (doc.tags || []).join(" ") };
    var words = {};
    Object.keys(fields).forEach(function (field) {
      var text = fields[field].replace(/<[^>]*>/g, " ").toLowerCase();
      var found = table();
      (text.match(HYPHENATED) || []).forEach(function (word) {
        word.split("-").concat(word.indexOf("-") > 0 ? [word.replace(/-/g, "")] : [])
          .forEach(function (part) { found[part] = true; });
      });
      words[field] = Object.keys(found);
    });
    return (sectionWords[location] = words);
  }

  // How well a section matches each of the reader's words (stop words and excluded words do
  // not count): `missing`, how many words (a hyphenated word is one) it does not hold, `grade`,
  // the sum of each word's best match, and `terms`, the words as typed and whether it holds
  // each, for Material's page to show ("Missing: ...") and to pass on to the page (?h=).
  function judge(item, words) {
    var fields = wordsOf(item.location);
    var groups = [];
    words.forEach(function (word) {
      if (word.optional || word.presence === "-") return;
      var names = word.field ? [word.field] : ["title", "text", "tags"];
      var best = NOWHERE;
      var graded = word.look.graded; // the text's words graded for this query so far
      names.forEach(function (name) {
        var list = fields[name];
        for (var i = 0; i < list.length && best > AS_TYPED; i++) {
          var known = graded[list[i]];
          if (known === undefined) known = graded[list[i]] = grade(list[i], word.look);
          if (known < best) best = known;
        }
      });
      // A word typed is held as well as the worst of its words, in the better of its ways.
      var group = groups[word.group] || (groups[word.group] = { typed: word.typed, ways: [] });
      var way = word.variant || 0;
      group.ways[way] = Math.max(group.ways[way] || 0, best);
      group.grade = Math.min.apply(null, group.ways.filter(function (g) { return g !== undefined; }));
    });
    var judged = { missing: 0, grade: 0, terms: table() };
    groups.forEach(function (group) {
      var holds = group.grade < NOWHERE;
      judged.terms[group.typed] = Boolean(judged.terms[group.typed]) || holds;
      if (holds) judged.grade += group.grade;
      else judged.missing += 1;
    });
    return judged;
  }

  // Material's results, ranked by how well each section matches (judge): the fewest words
  // missing, then the best matches, then the page's weight (Material's `search: boost:` of its
  // front matter: the About and Tags pages weigh less than the practice, so that at an equal
  // match the practice comes first), then Material's score (the words' weight in the title and
  // text). Each section's score is lifted by its rank, so that Material's page shows the
  // sections of a page's best rank and groups the others under "more"; pages keep the order of
  // their best section. A page's tags are shown once, with the page, not again with each of
  // its sections.
  var TIER = 1e8; // above any score of Material's (a tag weighs 1e6)
  var MAX_GRADE = 100;
  var WEIGHTS = 100; // page weights told apart: boosts 0 to 9.9
  function rank(result, words) {
    var items = [];
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        var judged = judge(item, words);
        var place = judged.missing * MAX_GRADE + Math.min(judged.grade, MAX_GRADE - 1);
        var weight = Math.min(Math.round((item.boost === undefined ? 1 : item.boost) * 10), 99);
        var tier = (MAX_GRADE * MAX_GRADE - place) * WEIGHTS + weight;
        var lift = item.score > 0 ? tier * TIER : 0;
        var ranked = Object.assign({}, item, { score: item.score + lift, terms: judged.terms });
        if (item.location.indexOf("#") >= 0) delete ranked.tags;
        items.push(ranked);
      });
    });
    items.sort(function (a, b) { return b.score - a.score; });
    var pages = new Map(); // page location -> its sections, in order
    items.forEach(function (item) {
      var page = item.location.split("#")[0];
      if (!pages.has(page)) pages.set(page, []);
      pages.get(page).push(item);
    });
    var ranked = { items: Array.from(pages.values()) };
    if (result.suggest) {
      ranked.suggest = result.suggest.map(asWord).filter(function (word, i, all) {
        return all.indexOf(word) === i;
      });
    }
    return ranked;
  }

  // A suggested index term as a word of the text that starts with what the reader types.
  function asWord(term) {
    var start = typing.toLowerCase();
    var matching = (termWords[term] || []).filter(function (word) {
      return word.replace(/-/g, "").indexOf(start.replace(/-/g, "")) === 0;
    });
    matching.sort(function (a, b) { return a.length - b.length; });
    return matching.length ? matching[0] : start;
  }


  function remember(message) {
    var config = message.data.config;
    indexLang = (config.lang || ["en"])[0];
    language = config.language || indexLang;
    fallback = config.fallback || null;
    separator = new RegExp(config.separator || "[\\s\\-]+");
    docs = message.data.docs || [];
    byLocation = table();
    docs.forEach(function (doc) { byLocation[doc.location] = doc; });
    sectionWords = table();
    entries = table();
    vocabulary = null;
    termWords = table();
    sortedTerms = null;
    formsCache = table();
    stemCaches = table();
  }

  self.forgivingSearch = {
    remember: remember,
    ask: function (query) {
      typing = query.split(separator).pop() || "";
      var words = [];
      parse(query).forEach(function (word) {
        word.look = lookUp(word);
        var parts = apart(word);
        words = words.concat(word.look.found.length || !parts.length ? [word] : [], parts);
      });
      return {
        query: lunrQuery(words),
        answer: function (result) { return rank(result, words); },
      };
    },
  };
})();

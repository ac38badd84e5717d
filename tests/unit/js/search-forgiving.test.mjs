// What search forgives (overrides/assets/javascripts/workers/search-forgiving.js), through the
// whole worker: our files, Material's worker and lunr's stemmers, on small indexes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { finds, locations, misses, searchOf } from "./worker.mjs";

const EN = [
  { location: "practice/", title: "Professional peer groups", text: "<p>Peer groups bring job-seekers of one profession together.</p>" },
  { location: "practice/#counsellor", title: "Career counsellor", text: "<p>A career counsellor guides each group. The method was developed in Piteå and Åbo.</p>" },
  { location: "practice/#money", title: "Bookkeeping", text: "<p>Bookkeeping for small firms, with a constructor of budgets.</p>" },
  { location: "method/", title: "Method", text: "<p>Groups meet weekly.</p>" },
  { location: "method/#notes", title: "Notes", text: "<p>The method is written down by the group.</p>" },
];

const FI = [
  { location: "kaytanto/", title: "Ammattipainotteiset vertaisryhmät", text: "<p>Ryhmä kokoontuu viikoittain. Ammatin oppiminen vie aikaa.</p>" },
  { location: "kaytanto/#kieli", title: "Kieli", text: "<p>Ryhmässä opitaan ammattisanastoa ja suomen kielen perusteita työelämässä.</p>" },
  { location: "kaytanto/#haku", title: "Haku", text: "<p>Työhakemuksia kirjoitetaan yhdessä vertaisohjaajan kanssa.</p>" },
  { location: "kaytanto/#tulokset", title: "Tulokset", text: "<p>Osallistujien voimaantumiseen vaikuttaa vertaisryhmä.</p>" },
];

describe("word forms", () => {
  test("English: other forms of a word through its stem", async () => {
    const { search } = await searchOf("en", EN);
    await finds(search, "counsellors", "practice/#counsellor");
    await finds(search, "developing", "practice/#counsellor");
    await finds(search, "guided", "practice/#counsellor");
  });

  test("Finnish: forms the stemmer leaves apart share a base", async () => {
    const { search } = await searchOf("fi", FI);
    await finds(search, "kieli", "kaytanto/#kieli"); // the text has "kielen"
    await finds(search, "työhakemus", "kaytanto/#haku"); // "työhakemuksia"
    await finds(search, "voimaantuminen", "kaytanto/#tulokset"); // "voimaantumiseen"
  });

  test("Finnish: a compound word is found by its end part", async () => {
    const { search } = await searchOf("fi", FI);
    await finds(search, "sanasto", "kaytanto/#kieli"); // "ammatti|sanastoa"
    await finds(search, "ohjaaja", "kaytanto/#haku"); // "vertais|ohjaajan"
    // Its first part is the beginning of the word as typed.
    await finds(search, "vertais", "kaytanto/#haku");
  });

  test("English writes no compounds as one word: an end part finds nothing", async () => {
    const { search } = await searchOf("en", EN);
    await finds(search, "bookkeeping", "practice/#money");
    await misses(search, "keeping", "practice/#money");
  });
});

describe("diacritics", () => {
  test("a word typed without them finds the word with them", async () => {
    const { search } = await searchOf("fi", FI);
    await finds(search, "tyoelama", "kaytanto/#kieli");
    await finds(search, "tyohakemus", "kaytanto/#haku");
  });

  test("typed with them, and in English text, as the trimmer keeps letters beyond ASCII", async () => {
    const fi = await searchOf("fi", FI);
    await finds(fi.search, "työelämä", "kaytanto/#kieli");
    const en = await searchOf("en", EN);
    await finds(en.search, "Pitea", "practice/#counsellor");
    await finds(en.search, "Piteå", "practice/#counsellor");
    // Too short for a typo: found only if indexed with its first letter.
    await finds(en.search, "Abo", "practice/#counsellor");
    await finds(en.search, "Åbo", "practice/#counsellor");
  });
});

describe("typos", () => {
  test("one typo in a word of five letters or more", async () => {
    const { search } = await searchOf("en", EN);
    await finds(search, "councellor", "practice/#counsellor"); // a letter changed
    await finds(search, "counselor", "practice/#counsellor"); // left out
    await finds(search, "cuonsellor", "practice/#counsellor"); // two neighbours swapped
    await finds(search, "counsellorx", "practice/#counsellor"); // one added
  });

  test("no typo in a shorter word, and never two", async () => {
    const { search } = await searchOf("en", EN);
    await finds(search, "group", "method/#notes");
    await misses(search, "grop", "method/#notes");
    await misses(search, "councelorr", "practice/#counsellor");
  });

  test("Finnish words with a typo", async () => {
    const { search } = await searchOf("fi", FI);
    await finds(search, "vertaisohjaja", "kaytanto/#haku");
    await finds(search, "työhakmus", "kaytanto/#haku");
  });
});

describe("query syntax", () => {
  test("+word is required", async () => {
    const { search } = await searchOf("en", EN);
    const either = locations(await search("career groups"));
    assert.ok(either.includes("practice/#counsellor") && either.includes("practice/"), either);
    const found = locations(await search("+career groups"));
    assert.deepEqual(found, ["practice/#counsellor"]);
  });

  test("-word is excluded", async () => {
    const { search } = await searchOf("en", EN);
    await finds(search, "method", "practice/#counsellor");
    const found = locations(await search("method -Piteå"));
    assert.ok(found.length && !found.includes("practice/#counsellor"), found);
  });

  test('"quoted words" are each required', async () => {
    const { search } = await searchOf("en", EN);
    const found = locations(await search('"peer profession"'));
    assert.deepEqual(found, ["practice/"]);
  });

  test("field: looks in that field only", async () => {
    const { search } = await searchOf("en", EN);
    assert.deepEqual(new Set(locations(await search("method"))), new Set(["method/", "method/#notes", "practice/#counsellor"]));
    assert.deepEqual(locations(await search("title:method")), ["method/"]);
    assert.deepEqual(new Set(locations(await search("text:method"))), new Set(["method/#notes", "practice/#counsellor"]));
  });

  test("a word named like an object property is a word like any other", async () => {
    const { search } = await searchOf("en", EN);
    assert.deepEqual(locations(await search("constructor")), ["practice/#money"]);
    assert.deepEqual(locations(await search("__proto__ hasOwnProperty")), []);
  });
});

describe("ranking", () => {
  // The weaker matches hold the words in their titles, which Material's own score weighs
  // a thousand times the text: only the tiers put the section with the words as typed first.
  const DOCS = [
    { location: "some/", title: "Mentoring", text: "<p>Volunteers.</p>" },
    { location: "forms/", title: "Mentored trainee", text: "<p>Weekly.</p>" },
    { location: "typed/", title: "Notes", text: "<p>Mentoring trainees, each week.</p>" },
  ];
  const QUERY = "mentoring trainees";

  test("every word as typed, then every word in some form, then some of the words", async () => {
    const { search } = await searchOf("en", DOCS);
    assert.deepEqual(locations(await search(QUERY)), ["typed/", "forms/", "some/"]);
  });

  test("each result tells which words it holds, by the forms the page highlights", async () => {
    const { search } = await searchOf("en", DOCS);
    const items = (await search(QUERY)).items.flat();
    const terms = Object.fromEntries(items.map((item) => [item.location, item.terms]));
    const typed = QUERY.split(" ");
    for (const location of ["typed/", "forms/", "some/"]) {
      const shown = Object.keys(terms[location]);
      assert.equal(shown.length, 2, location);
      shown.forEach((form, i) => assert.ok(typed[i].startsWith(form), `${form} of ${typed[i]}`));
    }
    assert.deepEqual(Object.values(terms["typed/"]), [true, true]);
    assert.deepEqual(Object.values(terms["forms/"]), [true, true]);
    assert.deepEqual(Object.values(terms["some/"]), [true, false]); // "Missing: trainees"
  });

  test("sections of one page stay together, in the order of their best tier", async () => {
    const { search } = await searchOf("en", EN);
    const result = await search("method group");
    const pages = result.items.map((group) => group[0].location.split("#")[0]);
    assert.equal(new Set(pages).size, pages.length, pages);
    assert.equal(result.items[0][0].location.split("#")[0], "method/");
  });
});

describe("suggestions", () => {
  function words(docs) {
    const text = docs.map((doc) => `${doc.title} ${doc.text}`).join(" ").toLowerCase();
    return new Set(text.match(/[\p{L}\p{N}]+/gu));
  }

  test("are whole words of the text that start as typed, not stems", async () => {
    for (const [lang, docs, typed] of [["en", EN, "professi"], ["fi", FI, "ammattipain"]]) {
      const { search } = await searchOf(lang, docs, { suggest: true });
      const suggested = (await search(typed)).suggest;
      assert.ok(suggested.length, `${lang}: no suggestion for ${typed}`);
      for (const word of suggested) {
        assert.ok(word.startsWith(typed) && words(docs).has(word), `${lang}: ${word}`);
      }
    }
  });
});

describe("what the reader sees", () => {
  const HOURS = [
    { location: "practice/", title: "Practice", text: "<p>Weekly sessions.</p>", tags: ["method", "peer groups"] },
    { location: "practice/#nutshell", title: "Nutshell", text: "<p>Sessions of 3–4 hours. That is 18–32 hours in total, with self-study of the language.</p>", tags: ["method", "peer groups"] },
    { location: "practice/#life", title: "Working life", text: "<p>Skills for working life and working-life rights.</p>", tags: ["method", "peer groups"] },
  ];

  function marks(html) {
    return [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]);
  }

  test("each word is highlighted once, as a whole word of the text", async () => {
    const { search } = await searchOf("en", HOURS);
    for (const typed of ["hours", "how many hours", "hour", "houres"]) {
      const item = (await search(typed)).items.flat().find((i) => i.location === "practice/#nutshell");
      assert.ok(item, typed);
      assert.doesNotMatch(item.text, /<mark><mark|<mark[^>]*<|&gt;/, typed);
      assert.deepEqual(marks(item.text), ["hours.", "hours"], typed);
    }
  });

  test("'Missing:' and the highlight words are the words as typed", async () => {
    const { search } = await searchOf("en", HOURS);
    const item = (await search("How many Hours")).items.flat().find((i) => i.location === "practice/#nutshell");
    assert.deepEqual(item.terms, { many: false, Hours: true }); // "how" is a stop word
    const typo = (await search("houres")).items.flat().find((i) => i.location === "practice/#nutshell");
    assert.deepEqual(typo.terms, { houres: true });
  });

  test("a hyphenated word is found typed with a hyphen, a space or as one word", async () => {
    const { search } = await searchOf("en", HOURS);
    for (const typed of ["self-study", "self study", "selfstudy", "Self-Study"]) {
      const found = locations(await search(typed));
      assert.equal(found[0], "practice/#nutshell", `${typed}: ${found}`);
    }
    for (const typed of ["working-life", "working life", "workinglife"]) {
      const found = locations(await search(typed));
      assert.equal(found[0], "practice/#life", `${typed}: ${found}`);
    }
    const item = (await search("self-study")).items.flat()[0];
    assert.deepEqual(item.terms, { "self-study": true });
    assert.deepEqual(marks(item.text), ["self", "study"]);
  });

  test("the page's tags are shown once: with the page, not with each section", async () => {
    const { search } = await searchOf("en", HOURS);
    const [group] = (await search("hours")).items;
    for (const item of group) {
      if (item.location.includes("#")) assert.equal(item.tags, undefined, item.location);
      else assert.deepEqual(item.tags, ["method", "peer groups"]);
    }
  });
});

describe("ranking by what sections hold", () => {
  const DOCS = [
    { location: "about/", title: "About", text: "<p>One folder for each language; the language selector.</p>", boost: 0.5 },
    { location: "practice/", title: "Practice", text: "<p>Groups.</p>" },
    { location: "practice/#why", title: "Why", text: "<p>Support in learning the language.</p>" },
    { location: "tags/", title: "Tags", text: "<p>Tags of the pages.</p>", boost: 0.1 },
    { location: "tags/#tag:tunnit", title: "method", text: "<ul><li>Practice</li></ul>", boost: 0.1 },
    { location: "practice/#hours", title: "Hours", text: "<p>Three hours, tagged for each week.</p>" },
  ];

  test("at an equal match, a page of less weight (search: boost:) comes after", async () => {
    const { search } = await searchOf("en", DOCS);
    const found = locations(await search("language"));
    assert.deepEqual(found, ["practice/#why", "about/"]);
  });

  test("a word as typed or in another form before a word that merely begins with it", async () => {
    const { search } = await searchOf("en", DOCS);
    // "tag" is the base of "tags" and of "tagged": the Tags page (a title) holds a form of it,
    // as does the section; the Tags page weighs less.
    const found = locations(await search("tag"));
    assert.equal(found[0], "practice/#hours", found);
  });
});

describe("words of the text as they stand", () => {
  const DOCS = [
    { location: "a/", title: "Profession-focused groups", text: "<p>Weekly.</p>" },
    { location: "b/", title: "Constructor", text: "<p>A constructor of budgets.</p>" },
  ];

  test("a hyphenated word is suggested as written", async () => {
    const { search } = await searchOf("en", DOCS, { suggest: true });
    assert.deepEqual((await search("professionf")).suggest, ["profession-focused"]);
  });

  test("a word named like an object property is one of the reader's words", async () => {
    const { search } = await searchOf("en", DOCS);
    const [item] = (await search("constructor toString")).items.flat();
    assert.deepEqual({ ...item.terms }, { constructor: true, toString: false });
  });
});

describe("words typed as one", () => {
  test("that the text writes apart are found as its two words", async () => {
    const { search } = await searchOf("en", EN);
    const found = locations(await search("peergroups"));
    assert.equal(found[0], "practice/", found);
    const [item] = (await search("Careercounsellor")).items.flat();
    assert.equal(item.location, "practice/#counsellor");
    assert.deepEqual({ ...item.terms }, { Careercounsellor: true });
    assert.deepEqual(locations(await search("peerxqzv")), []);
  });
});

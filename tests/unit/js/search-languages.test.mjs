// Search in languages Material ships no stemmer for (their words as written), in other scripts,
// and in a language in progress, whose fallback pages are English: through the whole worker
// (overrides/assets/javascripts/workers/), on small indexes set up as search.py sets them up.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { finds, misses, searchOf } from "./worker.mjs";

// A page of the language, and a page it shows in English (a fallback page).
const UK = [
  { location: "", title: "Групи рівних", text: "<p>Групи збираються щотижня в Україні.</p>" },
  { location: "practice/", title: "Profession-focused peer groups", text: "<p>Peer groups for job-seekers.</p>" },
  { location: "practice/#counsellor", title: "Career counsellor", text: "<p>A career counsellor guides each group on the premises of the organisation.</p>" },
];
const AR = [
  { location: "", title: "مجموعات الأقران", text: "<p>تَجتمع المجموعة كل أسبوع، في مدينة تامبيري.</p>" },
  { location: "practice/", title: "Profession-focused peer groups", text: "<p>Peer groups for job-seekers.</p>" },
  { location: "practice/#counsellor", title: "Career counsellor", text: "<p>A career counsellor guides each group on the premises of the organisation.</p>" },
];
const FA = [
  { location: "", title: "گروه‌های همتا", text: "<p>ما می‌خواهیم کار پیدا کنیم.</p>" },
];
const TI = [
  { location: "", title: "ጉጅለታት", text: "<p>ጉጅለ ሰራሕተኛታት ኣብ ሰሙን ሓደ ግዜ ይራኸብ።</p>" },
];

describe("a language without a stemmer", () => {
  test("finds its words as written, half typed, without diacritics and with one typo", async () => {
    const { search } = await searchOf("uk", UK, { stemmed: false, fallback: "en" });
    await finds(search, "групи", "");
    await finds(search, "збирают", ""); // half typed
    await finds(search, "Україні", "");
    await finds(search, "украіні", ""); // ї without its diaeresis
    await finds(search, "щотиждня", ""); // one typo
    await misses(search, "тиждень", ""); // no stemmer: another word, not a form
  });

  test("Tigrinya's syllables and Persian's joiners are letters of a word", async () => {
    const ti = await searchOf("ti", TI, { stemmed: false });
    await finds(ti.search, "ሰራሕተኛታት", "");
    await finds(ti.search, "ሰራሕ", ""); // half typed
    const fa = await searchOf("fa", FA, { stemmed: false });
    await finds(fa.search, "می‌خواهیم", ""); // as written, with the joiner
    await finds(fa.search, "میخواهیم", ""); // typed without it
    await finds(fa.search, "گروه‌ها", "");
  });
});

describe("a language in progress finds the English of its fallback pages", () => {
  for (const [lang, docs, stemmed] of [["uk", UK, false], ["ar", AR, true]]) {
    test(`${lang}: English words in English forms`, async () => {
      const { search } = await searchOf(lang, docs, { stemmed, fallback: "en" });
      await finds(search, "counsellor", "practice/#counsellor");
      await finds(search, "counsellors", "practice/#counsellor"); // an English form
      await finds(search, "premise", "practice/#counsellor");
      await finds(search, "guiding", "practice/#counsellor");
      await finds(search, "councellor", "practice/#counsellor"); // one typo
      // "the" is an English stop word: it does not keep a section from the first tier.
      const result = await search("the premises");
      assert.equal(result.items[0][0].location, "practice/#counsellor");
    });
  }

  test("ar: Arabic words with Arabic's stemmer, and without their vowel signs", async () => {
    const { search } = await searchOf("ar", AR, { fallback: "en" });
    await finds(search, "تجتمع", ""); // the text has its vowel sign: تَجتمع
    await finds(search, "المجموعة", "");
    await finds(search, "تامبيري", "");
  });

  test("a complete language has no fallback pages: no English forms", async () => {
    const { search } = await searchOf("uk", UK, { stemmed: false });
    await finds(search, "counsellor", "practice/#counsellor");
    await misses(search, "guiding", "practice/#counsellor");
  });
});

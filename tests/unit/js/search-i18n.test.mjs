// The worker's messages (overrides/assets/javascripts/workers/search-i18n.js): ready at once,
// the whole index at the first query, only the latest query while it loads.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  INDEX_URL,
  MATERIAL_WORKER,
  QUERY,
  READY,
  RESULT,
  indexConfig,
  locations,
  setup,
  startWorker,
} from "./worker.mjs";

const DOCS = [
  { location: "practice/", title: "Peer groups", text: "<p>Job-seekers of one profession.</p>" },
  { location: "practice/#counsellor", title: "Counsellor", text: "<p>A career counsellor guides the group.</p>" },
  { location: "practice/#tampere", title: "Tampere", text: "<p>The first groups met in Tampere.</p>" },
];
const INDEX = { config: indexConfig("en"), docs: DOCS };
const LAZY = ["search-forgiving.js", MATERIAL_WORKER];

// Let the worker's promises (its fetch, Material's handler) run.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test("answers ready to the page's setup, and loads nothing yet", async () => {
  const worker = startWorker({ index: INDEX });
  assert.deepEqual(worker.imported, ["search-i18n.js"]);
  worker.send(setup("en"));
  assert.deepEqual(await worker.next(READY), { type: READY });
  await settle();
  assert.deepEqual(worker.fetched, []);
  assert.deepEqual(worker.imported, ["search-i18n.js"]);
});

test("the empty query of a fresh search box gets no results, and loads nothing", async () => {
  const worker = startWorker({ index: INDEX });
  worker.send(setup("en"));
  worker.send({ type: QUERY, data: " " });
  assert.deepEqual(await worker.next(RESULT), { type: RESULT, data: { items: [] } });
  await settle();
  assert.deepEqual(worker.fetched, []);
});

test("the first query loads the whole index, the forgiving part and Material's worker", async () => {
  const worker = startWorker({ index: INDEX });
  worker.send(setup("en"));
  worker.send({ type: QUERY, data: "counsellors" });
  const result = await worker.next(RESULT);
  assert.deepEqual(worker.fetched, [INDEX_URL]);
  assert.deepEqual(worker.imported, ["search-i18n.js", ...LAZY]);
  assert.deepEqual(locations(result.data), ["practice/#counsellor"]);
  // Ready was said once, at setup: Material's own "ready" does not reach the page.
  assert.equal(worker.posted.filter((message) => message.type === READY).length, 1);

  worker.send({ type: QUERY, data: "Tampere" });
  assert.deepEqual(locations((await worker.next(RESULT)).data), ["practice/#tampere"]);
  assert.deepEqual(worker.fetched, [INDEX_URL]); // loaded once
});

test("while the index loads, only the latest query is answered", async () => {
  const worker = startWorker({ index: INDEX, hold: true });
  worker.send(setup("en"));
  for (const typed of ["c", "co", "coun", "Tam", "Tampere"]) {
    worker.send({ type: QUERY, data: typed });
  }
  await settle();
  assert.equal(worker.posted.filter((message) => message.type === RESULT).length, 0);
  worker.release();
  const result = await worker.next(RESULT);
  assert.deepEqual(locations(result.data), ["practice/#tampere"]);
  await settle();
  assert.equal(worker.posted.filter((message) => message.type === RESULT).length, 1);
  assert.deepEqual(worker.fetched, [INDEX_URL]);
});

test("once loaded, each query gets its own answer, in the order asked", async () => {
  const worker = startWorker({ index: INDEX });
  worker.send(setup("en"));
  worker.send({ type: QUERY, data: "group" });
  await worker.next(RESULT);
  worker.send({ type: QUERY, data: "Tampere" });
  worker.send({ type: QUERY, data: "counsellor" });
  worker.send({ type: QUERY, data: "zzzz" });
  const answers = [await worker.next(RESULT), await worker.next(RESULT), await worker.next(RESULT)];
  assert.deepEqual(answers.map((answer) => locations(answer.data)), [
    ["practice/#tampere"],
    ["practice/#counsellor"],
    [],
  ]);
});

test("without an index to load later, Material's worker builds the one it is sent", async () => {
  const worker = startWorker({ params: `worker=${MATERIAL_WORKER}` });
  assert.deepEqual(worker.imported, ["search-i18n.js"]);
  worker.send({ type: 0, data: { ...INDEX, options: { suggest: false } } });
  assert.deepEqual(await worker.next(READY), { type: READY });
  assert.deepEqual(worker.imported, ["search-i18n.js", ...LAZY]);
  worker.send({ type: QUERY, data: "counselors" });
  assert.deepEqual(locations((await worker.next(RESULT)).data), ["practice/#counsellor"]);
  assert.deepEqual(worker.fetched, []);
});

test("loads no worker but Material's", () => {
  assert.throws(
    () => startWorker({ index: INDEX, params: "worker=https://example.org/evil.js" }),
    /expected \?worker=search\.<hash>\.min\.js/,
  );
});

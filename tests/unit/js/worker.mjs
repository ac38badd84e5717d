// The site's search worker in Node: search-i18n.js, search-forgiving.js, Material's own worker
// and its lunr language files, run unchanged in a sandbox that stands for a Web Worker's
// global scope (self, importScripts, postMessage, message events, fetch).
//
// Material's files are found through MATERIAL_TEMPLATES, the `templates` folder of the
// installed mkdocs-material (tests/unit/test_javascript.py sets it).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OURS = path.resolve(HERE, "../../../overrides/assets/javascripts/workers");
const TEMPLATES = process.env.MATERIAL_TEMPLATES;
if (!TEMPLATES) {
  throw new Error("MATERIAL_TEMPLATES is not set: the templates folder of mkdocs-material");
}
const ASSETS = path.join(TEMPLATES, "assets", "javascripts");

// Material's worker file, whose name carries a hash, as the site's pages name it.
export const MATERIAL_WORKER = readdirSync(path.join(ASSETS, "workers")).find((name) =>
  /^search\.[0-9a-f]+\.min\.js$/.test(name),
);

// Where the site serves the worker: our files sit next to Material's in the built site.
const SITE = "http://127.0.0.1/";
const WORKERS = `${SITE}assets/javascripts/workers/`;
export const INDEX_URL = `${SITE}search/search_index.full.json`;

function fileOf(url) {
  const { pathname } = new URL(url);
  const name = path.posix.basename(pathname);
  if (pathname === `/assets/javascripts/workers/${name}` && !name.startsWith("search.")) {
    return path.join(OURS, name);
  }
  if (!pathname.startsWith("/assets/javascripts/")) throw new Error(`not a script: ${url}`);
  return path.join(ASSETS, ...pathname.slice("/assets/javascripts/".length).split("/"));
}

// The settings of a language's index, as scripts/eme_toolkit/search.py writes them.
// `stemmed`: Material ships the language's lunr stemmer; `fallback`: the language is in
// progress, and shows that language's pages where it lacks its own.
export function indexConfig(lang, { stemmed = true, fallback } = {}) {
  return {
    lang: [stemmed ? lang : "en"],
    separator: "[\\s\\-]+",
    pipeline: ["trimmer", "stopWordFilter", "stemmer"],
    fields: { title: { boost: 1000 }, text: { boost: 1 }, tags: { boost: 1000000 } },
    language: lang,
    stemmer: stemmed,
    ...(fallback ? { fallback } : {}),
  };
}

// A message as the worker receives it: copied into the sandbox's realm (a worker gets a
// structured clone); and back out, so that node:assert compares plain objects.
function copy(value, realm) {
  return value === undefined ? undefined : realm.JSON.parse(JSON.stringify(value));
}

/**
 * Start a worker. `index`: the whole index the worker fetches ({config, docs}); `hold`: the
 * fetch waits until `release()`; `params`: the worker's query string, as the page sets it.
 */
export function startWorker({ index, hold = false, params } = {}) {
  const query = params ?? `worker=${MATERIAL_WORKER}&index=../../../search/search_index.full.json`;
  const posted = [];
  const unread = []; // posted, not yet taken by next()
  const waiting = [];
  const listeners = [];
  const imported = [];
  const fetched = [];
  let release = () => {};
  const held = hold ? new Promise((resolve) => (release = resolve)) : Promise.resolve();

  const sandbox = {
    location: { href: `${WORKERS}search-i18n.js?${query}` },
    URL,
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    addEventListener(type, listener) {
      if (type === "message") listeners.push(listener);
    },
    postMessage(message) {
      const plain = copy(message, globalThis);
      posted.push(plain);
      const at = waiting.findIndex((w) => w.type === plain.type);
      if (at >= 0) waiting.splice(at, 1)[0].resolve(plain);
      else unread.push(plain);
    },
    importScripts(...urls) {
      for (const url of urls) {
        const resolved = new URL(url, sandbox.location.href).href;
        imported.push(path.posix.basename(new URL(resolved).pathname));
        const file = fileOf(resolved);
        vm.runInContext(readFileSync(file, "utf-8"), sandbox, { filename: file });
      }
    },
    fetch(url) {
      fetched.push(String(url));
      return held.then(() => ({
        ok: true,
        status: 200,
        json: () => Promise.resolve(copy(index, realm)),
      }));
    },
  };
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  const realm = vm.runInContext("globalThis", sandbox);
  sandbox.importScripts(`${WORKERS}search-i18n.js`);

  return {
    sandbox,
    posted,
    imported,
    fetched,
    release: () => release(),
    send(message) {
      for (const listener of listeners) listener({ data: copy(message, realm) });
    },
    // The first message of `type` the worker posted that no call took yet; or the next one it
    // posts, within two seconds.
    next(type) {
      const at = unread.findIndex((message) => message.type === type);
      if (at >= 0) return Promise.resolve(unread.splice(at, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message of type ${type}`)), 2000);
        waiting.push({
          type,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
  };
}

// Message types of Material's worker protocol.
export const SETUP = 0;
export const READY = 1;
export const QUERY = 2;
export const RESULT = 3;

// The page's setup message: the small index the page fetched, which holds only the settings.
export function setup(lang, { suggest = false, ...settings } = {}) {
  const config = indexConfig(lang, settings);
  return { type: SETUP, data: { config, docs: [], options: { suggest } } };
}

/** A worker of `lang` over `docs`, ready and with its whole index loaded: `search(query)`. */
export async function searchOf(lang, docs, { suggest = false, ...settings } = {}) {
  const worker = startWorker({ index: { config: indexConfig(lang, settings), docs } });
  worker.send(setup(lang, { suggest, ...settings }));
  await worker.next(READY);
  const search = async (query) => {
    const answer = worker.next(RESULT);
    worker.send({ type: QUERY, data: query });
    return (await answer).data;
  };
  await search(docs[0].title); // the first query loads the index
  return { worker, search };
}

/** The locations a result lists, page by page, in order. */
export function locations(result) {
  return result.items.flat().filter((item) => item.score > 0).map((item) => item.location);
}

// A search for `typed` finds (or misses) the section at `location`.
export async function finds(search, typed, location) {
  const found = locations(await search(typed));
  assert.ok(found.includes(location), `${typed} did not find ${location}: ${found}`);
}

export async function misses(search, typed, location) {
  const found = locations(await search(typed));
  assert.ok(!found.includes(location), `${typed} found ${location}: ${found}`);
}

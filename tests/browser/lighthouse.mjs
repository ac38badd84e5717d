// Lighthouse's accessibility, best-practices and SEO audits of pages, in the Chromium the other
// browser tests use: it listens for DevTools on 127.0.0.1:<port>, and Lighthouse opens a tab in
// it for each page (and closes it).
// node lighthouse.mjs <port>: reads one URL a line and answers each with one line of JSON, the
// page's category scores and the audits that did not pass. One process serves a whole test
// session: Node and Lighthouse take seconds to start.
import { createInterface } from "node:readline";

import lighthouse from "lighthouse";

const port = Number(process.argv[2]);
for await (const line of createInterface({ input: process.stdin })) {
  const url = line.trim();
  if (!url) continue;
  const { lhr } = await lighthouse(url, {
    port,
    hostname: "127.0.0.1",
    output: "json",
    logLevel: "error",
    onlyCategories: ["accessibility", "best-practices", "seo"],
  });
  const result = {
    url,
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score])),
    failed: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => `${a.id}: ${a.title}`),
    runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

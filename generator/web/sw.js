/* Study Handbook's service worker: the roadmaps a reader opened keep working offline.
 *
 * The build (generator/precache.py) puts in place of BUILD below this site's files with a
 * hash of each: the "shell" (home page, every script, stylesheet and image pages load, the
 * search worker and index) and one "group" per roadmap (all its pages).
 *   install   saves the shell, and the groups the reader had saved under the previous
 *             version; a file whose hash did not change is copied from the old cache,
 *             never downloaded again. Then it takes over at once (skipWaiting).
 *   activate  deletes this site's caches of other versions.
 *   message   a page says which page it is; its roadmap's group is saved, then the page
 *             gets an answer (overrides/partials/webapp.html).
 *   fetch     pages, the search index and unversioned files: the network first, the cache
 *             when offline, so a new deploy shows on the first reload. Files whose address
 *             carries their version (?v=…, Material's hashed names): the cache first.
 *             Anything else (thumbnails, the offline zip, calendars) is left to the network.
 * Caches are named after the registration's scope and the version, so several handbooks
 * published on one host (user.github.io/a/, user.github.io/b/) never touch each other's.
 * Published unfilled (copied by hand, or built by a tool other than `handbook build`), the worker
 * retires: it removes this site's caches and unregisters, so no reader keeps an old build.
 */
"use strict";

const BUILD = "__HB_BUILD__";
const FILLED = typeof BUILD === "object";
const LIST = FILLED ? BUILD : { version: "", shell: {}, groups: {} };
const SCOPE = self.registration.scope;
const PREFIX = "handbook " + SCOPE + " ";
const CACHE = PREFIX + LIST.version;
const INDEX = SCOPE + "__handbook-offline__.json"; // in each cache: {files: {url: hash}, groups: [slug]}
const VERSIONED = /[?&]v=|\.[0-9a-f]{8}\.min\.(js|css)$/;

const absolute = (path) => new URL(path, SCOPE).href;
const HASHES = new Map(); // absolute URL -> hash, for everything this version lists
const GROUP = new Map(); // page URL -> its roadmap
for (const [path, hash] of Object.entries(LIST.shell)) HASHES.set(absolute(path), hash);
for (const [slug, files] of Object.entries(LIST.groups)) {
  for (const [path, hash] of Object.entries(files)) {
    HASHES.set(absolute(path), hash);
    GROUP.set(absolute(path), slug);
  }
}

/* Changes to a cache's index happen one at a time. */
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function readIndex(cache) {
  const response = await cache.match(INDEX);
  const index = response ? await response.json() : {};
  return { files: index.files || {}, groups: index.groups || [] };
}

function writeIndex(cache, index) {
  const body = JSON.stringify(index);
  return cache.put(INDEX, new Response(body, { headers: { "Content-Type": "application/json" } }));
}

async function hashOf(response) {
  const bytes = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return Array.from(new Uint8Array(bytes).slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/* A file from the network; when the HTTP cache answered with an older copy than the build's,
 * it is asked again past that cache. */
async function download(url, hash) {
  let response = await fetch(url);
  let actual = response.ok ? await hashOf(response) : null;
  if (actual !== hash) {
    response = await fetch(url, { cache: "no-cache" });
    actual = response.ok ? await hashOf(response) : null;
  }
  if (!response.ok) throw new Error(url + ": HTTP " + response.status);
  return { response, actual };
}

/* Put `files` ({path: hash}) into `cache`, recording each in `index`. */
async function save(cache, index, files, previous) {
  await Promise.all(Object.entries(files).map(async ([path, hash]) => {
    const url = absolute(path);
    if (index.files[url] === hash) return;
    for (const old of previous) {
      const copy = old.index.files[url] === hash && (await old.cache.match(url));
      if (copy) {
        await cache.put(url, copy);
        index.files[url] = hash;
        return;
      }
    }
    const { response, actual } = await download(url, hash);
    await cache.put(url, response);
    index.files[url] = actual;
  }));
}

async function previousCaches() {
  const found = [];
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) {
      const cache = await caches.open(name);
      found.push({ cache, index: await readIndex(cache) });
    }
  }
  return found;
}

self.addEventListener("install", (event) => {
  if (!FILLED) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(serially(async () => {
    const previous = await previousCaches();
    const cache = await caches.open(CACHE);
    const index = await readIndex(cache);
    const groups = new Set(index.groups);
    for (const old of previous) old.index.groups.forEach((slug) => groups.add(slug));
    await save(cache, index, LIST.shell, previous);
    index.groups = [];
    for (const slug of groups) {
      if (!LIST.groups[slug]) continue; // a roadmap this version no longer has
      await save(cache, index, LIST.groups[slug], previous);
      index.groups.push(slug);
    }
    await writeIndex(cache, index);
  }).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    if (FILLED) await self.clients.claim();
    else await self.registration.unregister();
  })());
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const port = event.ports[0];
  const answer = (value) => port && port.postMessage(value);
  if (message.handbook === "version") {
    answer({ version: LIST.version });
  } else if (message.handbook === "save" && !FILLED) {
    answer({ saved: null });
  } else if (message.handbook === "save") {
    const page = new URL(String(message.page), SCOPE);
    const slug = GROUP.get(page.origin + page.pathname) || null;
    event.waitUntil(serially(async () => {
      const cache = await caches.open(CACHE);
      const index = await readIndex(cache);
      if (slug && !index.groups.includes(slug)) {
        await save(cache, index, LIST.groups[slug], []);
        index.groups.push(slug);
        await writeIndex(cache, index);
      }
    }).then(() => answer({ saved: slug }), (error) => answer({ error: String(error) })));
  }
});

async function fromCache(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url);
}

async function networkFirst(request, url) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await fromCache(url);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request, url) {
  return (await fromCache(url)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    url.search = ""; // search results add ?h=<words> to highlight them
    if (HASHES.has(url.href)) event.respondWith(networkFirst(request, url.href));
  } else if (HASHES.has(url.href)) {
    const strategy = VERSIONED.test(url.href) ? cacheFirst : networkFirst;
    event.respondWith(strategy(request, url.href));
  }
});

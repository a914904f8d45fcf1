/*
 * Impactmonitor service worker, published as `impactmonitor-sw.js` at the site root.
 *
 * It answers every same-origin GET under its scope whose path is in the audience's route
 * map with the decrypted file, so that links, anchors, back/forward, the search worker and
 * downloads work as on a plain site. Everything else goes to the network untouched.
 * The layout of `keys.json` and of the objects is in generator/encrypt/FORMAT.md.
 *
 * The kept key is the non-extractable audience key the shell stored in IndexedDB; it can
 * only unwrap content keys, which are unwrapped non-extractable too, so no key ever exists
 * here as bytes.
 */
"use strict";

const DB_NAME = "impactmonitor";
const STORE = "sessie";
const RECORD = "sleutel";
const MAGIC = [0x49, 0x4d, 0x45, 0x4e]; // "IMEN"
const VERSION = 1;
const HEADER_BYTES = 38;
const SLOT_BYTES = 60;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const ROOT_URL = new URL(self.registration.scope);
const ROOT = ROOT_URL.pathname; // always ends in "/"

/*
 * The session in memory: {build, slot, key, expires, routes}. `routes` (the decrypted route
 * map) is filled on first use. `null` means "no kept key"; `undefined` means "not read yet"
 * (the worker has just started and has not looked in IndexedDB).
 */
let session;
let sessionPromise = null;

self.addEventListener("install", () => {
  // A new build's worker takes over at once: the shell waits for a controller.
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  // The page that registered us on its first visit becomes controlled without a reload.
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "afmelden") {
    session = null;
    sessionPromise = null;
    const port = event.ports && event.ports[0];
    if (port) port.postMessage({type: "afgemeld"});
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== ROOT_URL.origin || !url.pathname.startsWith(ROOT)) return;
  const path = sitePath(url.pathname);
  if (path === null) return;
  const navigation = request.mode === "navigate";
  // Fast path: with the route map in memory, a file outside it (a plain asset) is not
  // touched at all, so the browser fetches it exactly as without a worker.
  if (!navigation && session !== undefined && (session === null ||
      (session.routes && !Object.prototype.hasOwnProperty.call(session.routes, path)))) {
    return;
  }
  event.respondWith(answer(request, path, navigation));
});

/** The site-relative path of a URL path under ROOT, as the route map spells it. */
function sitePath(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname.slice(ROOT.length));
  } catch (error) {
    return null; // a malformed escape: leave it to the network
  }
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

async function answer(request, path, navigation) {
  let current;
  try {
    current = navigation ? await refreshSession() : await loadSession();
  } catch (error) {
    return errorPage("De sleutel van deze sessie kon niet worden gelezen.");
  }
  if (!current) return fetch(request);
  let routes;
  try {
    routes = await routeMap(current);
  } catch (error) {
    return errorPage("De inhoudsopgave van de site kon niet worden ontsleuteld.");
  }
  const entry = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : null;
  if (entry) return decryptedResponse(current, entry, 200);
  const response = await fetch(request);
  // GitHub Pages answers an unknown path with the shell; a logged-in visitor should see the
  // site's own 404 page instead (also for a page of another region, which is not in the map).
  if (navigation && response.status === 404 &&
      Object.prototype.hasOwnProperty.call(routes, "404.html")) {
    return decryptedResponse(current, routes["404.html"], 404);
  }
  return response;
}

async function decryptedResponse(current, entry, status) {
  const [name, contentType] = entry;
  try {
    const body = await openObject(current, name);
    return new Response(body, {status, headers: {
      "Content-Type": contentType,
      // Decrypted content must not land in the HTTP cache or on disk.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    }});
  } catch (error) {
    return errorPage("Deze pagina kon niet worden ontsleuteld.");
  }
}

/* ---------------------------------------------------------------- the session */

function loadSession() {
  if (session !== undefined) return Promise.resolve(session);
  if (!sessionPromise) {
    sessionPromise = readRecord().then((record) => {
      session = usable(record) ? {...record, routes: null} : null;
      return session;
    }).finally(() => { sessionPromise = null; });
  }
  return sessionPromise;
}

/**
 * On a navigation: read the kept key again (another tab may have logged out) and the key
 * file (a new build or an expired key means logging in again).
 */
async function refreshSession() {
  const [record, keyFile] = await Promise.all([readRecord(), fetchKeyFile()]);
  const sameBuild = keyFile === null || (record && record.build === keyFile.build);
  if (!usable(record) || !sameBuild) {
    session = null;
    if (record) await deleteRecord();
    return null;
  }
  // Same build and slot: the same audience key, so the decrypted route map still holds.
  if (!session || session.build !== record.build || session.slot !== record.slot) {
    session = {...record, routes: null};
  }
  session.expires = record.expires;
  return session;
}

function usable(record) {
  return Boolean(record && typeof record.build === "string" && Number.isInteger(record.slot) &&
                 record.key instanceof CryptoKey && record.expires > Date.now());
}

/** The key file, or null when the network cannot give it (then nothing says "new build"). */
async function fetchKeyFile() {
  try {
    const response = await fetch(ROOT + "keys.json", {cache: "no-cache"});
    if (!response.ok) return null;
    const keyFile = await response.json();
    return typeof keyFile.build === "string" ? keyFile : null;
  } catch (error) {
    return null;
  }
}

async function routeMap(current) {
  if (current.routes) return current.routes;
  const keyFile = await fetchKeyFile();
  if (!keyFile || keyFile.build !== current.build || !keyFile.audiences[current.slot]) {
    throw new Error("key file does not match the session");
  }
  const text = new TextDecoder().decode(
      await openObject(current, keyFile.audiences[current.slot].routes));
  const map = JSON.parse(text);
  if (map.version !== 1 || typeof map.files !== "object" || map.files === null) {
    throw new Error("unknown route map version");
  }
  current.routes = map.files;
  return current.routes;
}

/* ---------------------------------------------------------------- objects */

async function openObject(current, name) {
  let data = await fetchObject(name, "default");
  if (!headerMatches(data, current, name)) {
    // A copy of an older build in the HTTP cache; ask the server once more.
    data = await fetchObject(name, "reload");
    if (!headerMatches(data, current, name)) throw new Error("object header does not match");
  }
  const header = data.subarray(0, HEADER_BYTES);
  const slots = data[5];
  const slot = data.subarray(HEADER_BYTES + SLOT_BYTES * current.slot,
                             HEADER_BYTES + SLOT_BYTES * (current.slot + 1));
  const contentKey = await crypto.subtle.unwrapKey(
      "raw", slot.subarray(IV_BYTES), current.key,
      {name: "AES-GCM", iv: slot.subarray(0, IV_BYTES), additionalData: header},
      {name: "AES-GCM"}, false, ["decrypt"]);
  const bodyStart = HEADER_BYTES + SLOT_BYTES * slots;
  // The body's associated data is every byte before its IV (header and all slots), so
  // no byte of the object, another audience's slot included, can be changed unnoticed.
  const gzipped = await crypto.subtle.decrypt(
      {name: "AES-GCM", iv: data.subarray(bodyStart, bodyStart + IV_BYTES),
       additionalData: data.subarray(0, bodyStart)},
      contentKey, data.subarray(bodyStart + IV_BYTES));
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"));
  // Read it whole: a corrupt stream then gives the error page, not a truncated file.
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchObject(name, cache) {
  const response = await fetch(ROOT + "c/" + name, {cache});
  if (!response.ok) throw new Error("object " + name + ": HTTP " + response.status);
  return new Uint8Array(await response.arrayBuffer());
}

/** Magic, version, slot count, build id and object id checked before anything is decrypted. */
function headerMatches(data, current, name) {
  if (data.length < HEADER_BYTES) return false;
  for (let i = 0; i < MAGIC.length; i++) if (data[i] !== MAGIC[i]) return false;
  const slots = data[5];
  if (data[4] !== VERSION || current.slot >= slots ||
      data.length < HEADER_BYTES + SLOT_BYTES * slots + IV_BYTES + TAG_BYTES) {
    return false;
  }
  return sameBytes(data.subarray(6, 22), base64url(current.build)) &&
         sameBytes(data.subarray(22, 38), base64url(name));
}

function sameBytes(a, b) {
  if (b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** RFC 4648 §5 without padding, as every base64 string of the format; null if invalid. */
function base64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const plain = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    const binary = atob(plain + "===".slice((plain.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch (error) {
    return null;
  }
}

/* ---------------------------------------------------------------- IndexedDB */

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, action) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function readRecord() {
  return withStore("readonly", (store) => store.get(RECORD));
}

function deleteRecord() {
  return withStore("readwrite", (store) => store.delete(RECORD));
}

/* ---------------------------------------------------------------- errors */

function errorPage(reason) {
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagina niet te openen</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto;
  padding: 0 1rem; line-height: 1.5">
<main><h1>Deze pagina kan niet worden geopend</h1>
<p>${reason} Misschien is de site intussen opnieuw gepubliceerd.</p>
<p><a href="${ROOT}">Naar de beginpagina</a>
(u wordt zo nodig opnieuw om het wachtwoord gevraagd).</p>
</main></body></html>`;
  return new Response(html, {status: 500, headers: {
    "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}});
}

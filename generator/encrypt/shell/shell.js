/*
 * The login of the encrypted site (the shell page, served as index.html and 404.html).
 *
 * It registers the service worker, asks the password, derives the key-encryption key with
 * PBKDF2 as keys.json prescribes, finds the audience whose key it opens, keeps that audience
 * key (non-extractable) in IndexedDB for 12 hours and reloads, so that the worker answers
 * the same URL with the decrypted page. Formats: generator/encrypt/FORMAT.md.
 *
 * Loaded synchronously in <head> so that the "open it over https" fallback text is hidden
 * before the first paint; the rest waits for the document.
 */
"use strict";

(function () {
  const DB_NAME = "impactmonitor";
  const STORE = "sessie";
  const RECORD = "sleutel";
  const KEEP_MS = 12 * 60 * 60 * 1000;
  const RELOAD_MARK = "impactmonitor-herladen";

  const MESSAGES = {
    busy: "Bezig met openen…",
    wrong: "Onjuist wachtwoord. Probeer het opnieuw.",
    opening: "Wachtwoord juist. De rapportage wordt geopend…",
    insecure: "Deze site kan hier niet worden geopend. Open haar via https:// (of " +
              "http://127.0.0.1) in een actuele browser; als bestand van de eigen computer " +
              "(file://) of in een verouderde browser werkt de beveiliging niet.",
    keyFile: "Het sleutelbestand van de site kon niet worden geladen. Controleer de " +
             "verbinding en probeer het opnieuw.",
    failed: "Openen is niet gelukt. Laad de pagina opnieuw en probeer het nog eens.",
    loop: "De pagina kon niet worden geopend. Vul het wachtwoord opnieuw in.",
  };

  document.documentElement.classList.add("im-js");

  const rootMeta = document.querySelector('meta[name="impactmonitor-root"]');
  const ROOT = rootMeta ? rootMeta.content : "/";

  document.addEventListener("DOMContentLoaded", start);

  async function start() {
    const form = document.getElementById("im-login");
    const status = document.getElementById("im-status");
    if (!supported()) {
      status.textContent = MESSAGES.insecure;
      status.classList.add("im-shell__status--problem");
      return;
    }
    try {
      await navigator.serviceWorker.register(ROOT + "impactmonitor-sw.js",
                                                            {scope: ROOT});
    } catch (error) {
      status.textContent = MESSAGES.insecure;
      status.classList.add("im-shell__status--problem");
      return;
    }
    if (await keptKeyIsValid()) {
      if (!reloadedJustNow()) {
        // Logged in already (another tab, or this page bypassed the worker, e.g. after a
        // hard reload): let the worker answer this URL.
        await activeWorker();
        reload();
        return;
      }
      status.textContent = MESSAGES.loop;
    }
    sessionStorage.removeItem(RELOAD_MARK);
    form.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      login(status);
    });
    document.getElementById("im-wachtwoord").focus();
  }

  function supported() {
    return window.isSecureContext && "serviceWorker" in navigator && "indexedDB" in window &&
           window.crypto && crypto.subtle && "DecompressionStream" in window;
  }

  async function login(status) {
    const input = document.getElementById("im-wachtwoord");
    const button = document.getElementById("im-openen");
    button.disabled = true;
    input.setAttribute("aria-busy", "true");
    status.classList.remove("im-shell__status--problem");
    status.textContent = MESSAGES.busy;
    let result;
    try {
      const keyFile = await fetchKeyFile();
      if (!keyFile) {
        fail(MESSAGES.keyFile);
        return;
      }
      // The password leaves the input only here, and no reference to it outlives this call.
      result = await openAudience(keyFile, input.value);
      input.value = "";
      if (!result) {
        fail(MESSAGES.wrong);
        return;
      }
      await storeKey({build: keyFile.build, slot: result.slot, key: result.key,
                      expires: Date.now() + KEEP_MS});
    } catch (error) {
      input.value = "";
      fail(MESSAGES.failed);
      return;
    }
    status.textContent = MESSAGES.opening;
    await activeWorker();
    reload();

    function fail(message) {
      status.textContent = message;
      status.classList.add("im-shell__status--problem");
      button.disabled = false;
      input.removeAttribute("aria-busy");
      input.focus();
    }
  }

  /**
   * The slot and the (non-extractable) audience key the password opens, or null.
   * The KEK is derived non-extractable with only `unwrapKey`, and the audience key is
   * unwrapped straight into a CryptoKey: neither is ever a byte array in this script.
   */
  async function openAudience(keyFile, password) {
    const kdf = keyFile.kdf || {};
    const iterations = kdf.iterations;
    if (keyFile.format !== "impactmonitor-keys" || keyFile.version !== 1 ||
        keyFile.cipher !== "AES-256-GCM" || kdf.name !== "PBKDF2-HMAC-SHA256" ||
        kdf.hash !== "SHA-256" || !Number.isSafeInteger(iterations) || iterations < 1 ||
        !Array.isArray(keyFile.audiences)) {
      throw new Error("unknown key file format");
    }
    const base = await crypto.subtle.importKey(
        "raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveKey"]);
    const kek = await crypto.subtle.deriveKey(
        {name: "PBKDF2", hash: "SHA-256", salt: base64url(kdf.salt), iterations},
        base, {name: "AES-GCM", length: 256}, false, ["unwrapKey"]);
    for (let slot = 0; slot < keyFile.audiences.length; slot++) {
      const audience = keyFile.audiences[slot];
      try {
        const key = await crypto.subtle.unwrapKey(
            "raw", base64url(audience.key), kek,
            {name: "AES-GCM", iv: base64url(audience.iv),
             additionalData: new TextEncoder().encode(keyFile.build + "." + audience.routes)},
            {name: "AES-GCM"}, false, ["unwrapKey"]);
        return {slot, key};
      } catch (error) {
        // A GCM tag failure: this entry belongs to another password.
      }
    }
    return null;
  }

  async function fetchKeyFile() {
    try {
      const response = await fetch(ROOT + "keys.json", {cache: "no-cache"});
      return response.ok ? await response.json() : null;
    } catch (error) {
      return null;
    }
  }

  async function keptKeyIsValid() {
    let record;
    try {
      record = await withStore("readonly", (store) => store.get(RECORD));
    } catch (error) {
      return false;
    }
    if (!record || !(record.expires > Date.now())) return false;
    const keyFile = await fetchKeyFile();
    return Boolean(keyFile && keyFile.build === record.build);
  }

  /**
   * Resolves once the worker is active and, normally, controls this page (on a first visit
   * through `clients.claim`). A page that bypassed the worker (a hard reload) never gets a
   * controller, but its reload is still a navigation the active worker answers; so the wait
   * for the controller is bounded.
   */
  async function activeWorker() {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("controllerchange", resolve, {once: true});
      setTimeout(resolve, 2000);
      // `controllerchange` may have fired between the check above and the listener.
      if (navigator.serviceWorker.controller) resolve();
    });
  }

  /*
   * Should the worker not answer after all (it cannot: no map entry, no 404 page), the
   * shell would reload for ever; a mark of the last reload of this URL prevents that.
   */
  function reload() {
    sessionStorage.setItem(RELOAD_MARK, JSON.stringify({url: location.href, at: Date.now()}));
    location.reload();
  }

  function reloadedJustNow() {
    try {
      const mark = JSON.parse(sessionStorage.getItem(RELOAD_MARK) || "null");
      return Boolean(mark && mark.url === location.href && Date.now() - mark.at < 10000);
    } catch (error) {
      return false;
    }
  }

  function storeKey(record) {
    return withStore("readwrite", (store) => store.put(record, RECORD));
  }

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

  function base64url(text) {
    const plain = String(text).replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(plain + "===".slice((plain.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }
})();

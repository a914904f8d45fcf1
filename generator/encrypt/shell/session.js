/*
 * On every decrypted page: an "Afmelden" button in the Material header. It deletes the kept
 * audience key from IndexedDB, tells the service worker to forget what it holds in memory
 * and goes to the site root, where the shell asks the password again.
 */
"use strict";

(function () {
  const DB_NAME = "impactmonitor";
  const STORE = "sessie";
  const RECORD = "sleutel";
  const SCRIPT_PATH = "assets/impactmonitor/session.js";
  // Read now: `currentScript` is only set while this script runs.
  const scriptSrc = document.currentScript ? document.currentScript.src : "";

  const STYLE = `
.im-afmelden {
  flex-shrink: 0;
  margin: 0 0.4rem;
  padding: 0.3rem 0.7rem;
  font: inherit;
  font-size: 0.7rem;
  font-weight: 700;
  color: var(--md-primary-bg-color, #fff);
  background: transparent;
  border: 1px solid currentColor;
  border-radius: 0.2rem;
  cursor: pointer;
  white-space: nowrap;
}
.im-afmelden:hover { background: rgba(255, 255, 255, 0.15); }
.im-afmelden:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.im-afmelden--los { position: absolute; top: 0.5rem; right: 0.5rem; z-index: 10;
  color: #fff; background: #3f51b5; }
@media print { .im-afmelden { display: none; } }
`;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", insertButton);
  } else {
    insertButton();
  }

  function insertButton() {
    if (document.querySelector(".im-afmelden")) return;
    const style = document.createElement("style");
    style.textContent = STYLE;
    document.head.appendChild(style);

    const button = document.createElement("button");
    button.type = "button";
    button.className = "im-afmelden";
    button.textContent = "Afmelden";
    button.title = "Afmelden: de volgende keer wordt weer om het wachtwoord gevraagd";
    button.addEventListener("click", logOut);

    const header = document.querySelector(".md-header__inner");
    if (header) {
      // Before the search (its toggle on narrow screens, the search box on wide ones).
      const search = header.querySelector('label[for="__search"]') ||
                     header.querySelector(".md-search");
      header.insertBefore(button, search || null);
    } else {
      button.classList.add("im-afmelden--los");
      document.body.insertBefore(button, document.body.firstChild);
    }
  }

  async function logOut(event) {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await deleteKey();
    } catch (error) {
      // Nothing kept, or storage unavailable: the worker is told to forget all the same.
    }
    const root = await siteRoot();
    await tellWorker();
    location.assign(root);
  }

  function deleteKey() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(STORE, "readwrite");
        tx.objectStore(STORE).delete(RECORD);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => { db.close(); reject(tx.error); };
      };
    });
  }

  /** Waits (briefly) until the worker has dropped its copy, so the next page cannot race it. */
  function tellWorker() {
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      setTimeout(resolve, 1000);
      worker.postMessage({type: "afmelden"}, [channel.port2]);
    });
  }

  async function siteRoot() {
    try {
      const registration = navigator.serviceWorker &&
                           await navigator.serviceWorker.getRegistration();
      if (registration) return registration.scope;
    } catch (error) {
      // No worker reachable: fall back to this script's own URL.
    }
    if (scriptSrc.endsWith(SCRIPT_PATH)) return scriptSrc.slice(0, -SCRIPT_PATH.length);
    return "/";
  }
})();

// Registers the service worker and offers a reload when a new version is waiting,
// so one page never runs a mix of two deployed versions. Plain JS: it also works when
// the wasm app fails to start.
(function () {
  'use strict';
  // The pages not used yet and the export worker are saved for offline use when the
  // browser is idle, unless the connection is metered, slow or the user asked to save
  // data: then each part is saved when first used.
  function metered() {
    var c = navigator.connection;
    return !!c && (c.saveData || c.type === 'cellular' || /(^|-)[23]g$/.test(c.effectiveType || ''));
  }
  // Chromium on a desktop reports a phone's tethered or a slow institute's connection as
  // "4g", so the page also times its own first module (the largest file of the first
  // load) once it has come: over the network at under 4 Mbit/s, the rest (about four
  // times the first load) waits for its first use. From a cache it tells nothing.
  var FIRST_MODULE = /\/app-[^/]*\/peixun_bg\.wasm$/;
  function firstModule() {
    var entries = performance.getEntriesByType ? performance.getEntriesByType('resource') : [];
    for (var i = 0; i < entries.length; i++) if (FIRST_MODULE.test(entries[i].name)) return entries[i];
    return null;
  }
  function slow(e) {
    if (!e || !(e.transferSize > 0) || e.encodedBodySize < 50000) return false;
    var seconds = (e.responseEnd - e.requestStart) / 1000;
    return seconds > 0 && (e.encodedBodySize * 8) / seconds < 4e6;
  }
  // Calls `then` with the first module's timing when it is there (null if it cannot be
  // known: no Resource Timing here at all).
  function afterFirstModule(then) {
    var e = firstModule();
    var any = performance.getEntriesByType && performance.getEntriesByType('resource').length > 0;
    if (e || !any || typeof PerformanceObserver === 'undefined') return then(e);
    var observer = new PerformanceObserver(function () {
      var found = firstModule();
      if (found) {
        observer.disconnect();
        then(found);
      }
    });
    try {
      observer.observe({ type: 'resource', buffered: true });
    } catch (err) {
      then(null);
    }
  }
  // Asked by the app before its own idle preloads (ui::lazy): the same answer spares
  // the connection there too.
  window.peixunSparing = function () {
    return metered() || slow(firstModule());
  };

  if (!('serviceWorker' in navigator)) return;

  // This page's deployment (scripts/post_build.py writes it into index.html): the service
  // worker keeps that deployment's files while this tab is open.
  var meta = document.querySelector('meta[name="peixun-version"]');
  var version = meta ? meta.getAttribute('content') : '';
  function tellVersion() {
    var c = navigator.serviceWorker.controller;
    if (c && version) c.postMessage({ type: 'version', version: version });
  }
  tellVersion();

  function cacheRestWhenIdle() {
    if (!navigator.serviceWorker.controller || metered()) return;
    afterFirstModule(function (e) {
      var c = navigator.serviceWorker.controller;
      if (!c || slow(e)) return;
      var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 2000); };
      idle(function () { c.postMessage('cache-rest'); }, { timeout: 10000 });
    });
  }
  window.addEventListener('load', cacheRestWhenIdle);

  // Reload only when the user asked for the new version: the first install also changes
  // the controller (clients.claim), and that must not reload a page someone is typing in;
  // nor must another tab's choice of the new version reload this one.
  var updateAccepted = false;
  var hadController = !!navigator.serviceWorker.controller;

  function offerUpdate(worker) {
    if (document.getElementById('peixun-update')) return;
    var bar = document.createElement('div');
    bar.id = 'peixun-update';
    bar.className = 'update-bar';
    bar.setAttribute('role', 'status');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '有新版本，点击刷新';
    button.setAttribute('data-action', 'update');
    button.addEventListener('click', function () {
      button.disabled = true;
      updateAccepted = true;
      // Another tab may have chosen it already: then it runs, and a reload shows it.
      if (!worker || worker.state === 'activated' || worker.state === 'redundant') {
        window.location.reload();
      } else {
        worker.postMessage('skip-waiting');
      }
    });
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  // The first install took control of a page that had already fetched its files (the page
  // opened by its link, say the member card on a phone): the worker keeps them too.
  function tellUsed() {
    var c = navigator.serviceWorker.controller;
    if (!c || !performance.getEntriesByType) return;
    var urls = performance.getEntriesByType('resource').map(function (e) { return e.name; }).filter(function (u) {
      return u.indexOf(location.origin + '/') === 0;
    });
    c.postMessage({ type: 'used', urls: urls });
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    tellVersion();
    if (!hadController) tellUsed();
    cacheRestWhenIdle();
    if (updateAccepted && !reloading) {
      reloading = true;
      window.location.reload();
    } else if (hadController) {
      // Another tab took the new version: this one keeps running its own (its files stay
      // cached) and offers the reload.
      offerUpdate(null);
    }
    hadController = true;
  });

  // A first visit opened on a page other than 工作台: the loader puts what it unpacked
  // (the first module, the page's files) into this version's cache once the app has
  // started, so the worker's install does not fetch them again (waited for 10 s at most).
  function afterUnpacked(then) {
    var unpacked = window.peixunUnpacked;
    if (!unpacked || typeof unpacked.then !== 'function') return then();
    var done = false;
    var once = function () {
      if (!done) {
        done = true;
        then();
      }
    };
    unpacked.then(once, once);
    setTimeout(once, 10000);
  }

  window.addEventListener('load', function () { afterUnpacked(register); });
  function register() {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      function watch(worker) {
        worker.addEventListener('statechange', function () {
          // "installed" with a controller present: an update, not the first install.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      }
      if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      // Long-lived tabs look for a new deployment every hour.
      setInterval(function () { reg.update().catch(function () {}); }, 3600 * 1000);
    }).catch(function (e) { console.warn('service worker not registered', e); });
  }
})();

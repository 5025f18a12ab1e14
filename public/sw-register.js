// Registers the service worker and offers a reload when a new version is waiting,
// so one page never runs a mix of two deployed versions. Plain JS: it also works when
// the wasm app fails to start.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;

  // Reload only when the user asked for the new version: the first install also changes
  // the controller (clients.claim), and that must not reload a page someone is typing in.
  var updateAccepted = false;

  function offerUpdate(worker) {
    if (document.getElementById('peixun-update')) return;
    var bar = document.createElement('div');
    bar.id = 'peixun-update';
    bar.className = 'update-bar';
    bar.setAttribute('role', 'status');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = '有新版本，点击刷新';
    button.addEventListener('click', function () {
      button.disabled = true;
      updateAccepted = true;
      worker.postMessage('skip-waiting');
    });
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloading || !updateAccepted) return;
    reloading = true;
    window.location.reload();
  });

  window.addEventListener('load', function () {
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
  });
})();

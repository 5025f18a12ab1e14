// The error screen, for when the wasm app cannot start (download, compile, a throw
// before mounting, or no sign of life within BOOT_TIMEOUT_MS) or panics later (the Rust
// panic hook calls window.peixunFailed). Plain JS so it works when the wasm does not. It
// never touches localStorage: the drafts stay for recover.html.
(function () {
  'use strict';
  var BOOT_TIMEOUT_MS = typeof window.PEIXUN_BOOT_TIMEOUT_MS === 'number' ? window.PEIXUN_BOOT_TIMEOUT_MS : 10000;

  var TEXT = {
    panic: {
      title: '程序出错了',
      what: '申报助手遇到了内部错误，已停止运行，以免写坏数据。',
    },
    start: {
      title: '申报助手未能启动',
      what: '程序文件没有下载完整、已损坏，或者这个浏览器不支持 WebAssembly。',
    },
    timeout: {
      title: '申报助手还没有启动',
      what: '已经等了一段时间：可能网络很慢，也可能程序出错了。启动完成后本提示会自动消失。',
    },
  };
  var SAFE = '您填写的草稿仍保存在本浏览器中，没有被删除。可以先用「恢复数据」把它们下载成一个文件备份，再重新加载。';

  // Static markup only (innerHTML, no createElement): works even if DOM methods are broken.
  var SCREEN =
    '<link rel="stylesheet" href="recover.css">' +
    '<main class="failure" id="peixun-failure" aria-labelledby="peixun-failure-title">' +
    '<div role="alert"><h1 id="peixun-failure-title"></h1><p data-what></p><p data-safe></p></div>' +
    '<p class="failure__actions">' +
    '<a class="failure__button" href="recover.html" data-action="recover">恢复数据</a> ' +
    '<a class="failure__button failure__button--secondary" href="./" data-action="reload">重新加载</a>' +
    '</p>' +
    '<details><summary>技术信息（联系技术支持时请附上）</summary><pre data-detail></pre></details>' +
    '</main>';

  var shown = null;
  var appTitle = document.title;
  var failureTitle = null;

  function ready() {
    return document.documentElement.hasAttribute('data-ready');
  }

  // kind: 'panic' | 'start' | 'timeout'. A later, worse kind replaces the timeout notice.
  function show(kind, detail) {
    var text = TEXT[kind] || TEXT.panic;
    if (shown && shown !== 'timeout') {
      appendDetail(detail);
      return;
    }
    shown = kind;
    var body = document.body || document.documentElement.appendChild(document.createElement('body'));
    body.innerHTML = SCREEN;
    var root = document.getElementById('peixun-failure');
    root.setAttribute('data-kind', kind);
    root.querySelector('h1').textContent = text.title;
    root.querySelector('[data-what]').textContent = text.what;
    root.querySelector('[data-safe]').textContent = SAFE;
    appendDetail(detail);
    document.title = failureTitle = text.title + ' · 因公出国（境）培训项目申报助手';
    root.querySelector('[data-action="recover"]').focus();
  }

  function appendDetail(detail) {
    var pre = document.querySelector('#peixun-failure [data-detail]');
    if (pre && detail) pre.textContent += (pre.textContent ? '\n\n' : '') + String(detail);
  }

  function describe(e) {
    if (!e) return '';
    if (e.stack) return String(e.stack);
    return String(e.message || e);
  }

  window.peixunFailed = function (kind, detail) { show(kind, detail); };

  // Before the app is up, any uncaught error means it did not start. After that, only a
  // trapped wasm (RuntimeError: a panic, stack overflow, out of memory) means it is dead;
  // other errors (an extension, say) leave the page alone.
  function onError(error, fallback) {
    var trapped = typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
    if (ready() && !trapped) return;
    show(ready() ? 'panic' : 'start', describe(error) || fallback);
  }
  window.addEventListener('error', function (e) {
    // Errors loading a resource (no e.error) are reported by the failure they cause.
    if (!e.error && !e.message) return;
    onError(e.error, e.message);
  });
  window.addEventListener('unhandledrejection', function (e) { onError(e.reason, ''); });

  setTimeout(function () {
    if (!ready() && !shown) show('timeout', '');
  }, BOOT_TIMEOUT_MS);

  // A slow start that succeeds after all: the app mounted after the notice, so drop it.
  new MutationObserver(function () {
    if (shown === 'timeout' && ready()) {
      var root = document.getElementById('peixun-failure');
      if (root) root.parentNode.removeChild(root);
      // Unless the app has set its own title already.
      if (document.title === failureTitle) document.title = appTitle;
      shown = null;
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ready'] });
})();

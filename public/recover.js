// recover.html: lists this origin's localStorage and downloads the app's part of it as one
// file, without the wasm app. The file format is what the app's restore reads:
// {"format":"peixun-backup","version":1,"saved_at","origin","entries":{key: raw string}}.
// Values are copied as the raw strings, never parsed and re-written.
(function () {
  'use strict';
  var PREFIX = 'peixun/';
  var TITLE_CHARS = 80;

  function $(selector) { return document.querySelector(selector); }

  function readAll() {
    var items = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key !== null) items.push({ key: key, value: localStorage.getItem(key) });
    }
    // The app's keys first, each group in key order.
    items.sort(function (a, b) {
      var am = a.key.indexOf(PREFIX) === 0, bm = b.key.indexOf(PREFIX) === 0;
      if (am !== bm) return am ? -1 : 1;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    return items;
  }

  function parse(value) {
    try { return JSON.parse(value); } catch (e) { return undefined; }
  }

  function clip(s) {
    var chars = Array.from(s);
    return chars.length > TITLE_CHARS ? chars.slice(0, TITLE_CHARS).join('') + '…' : s;
  }

  /** What a key holds, in words. */
  function describe(key, value) {
    if (key.indexOf(PREFIX) !== 0) return '不是申报助手的数据（不放入备份）';
    var data = parse(value);
    if (key.indexOf(PREFIX + 'app/') === 0) {
      if (data === undefined) return '申请（内容无法解析，仍原样备份）';
      var title = data && typeof data.title === 'string' ? data.title.trim() : '';
      return '申请：' + (title ? clip(title) : '未命名申请');
    }
    if (key === PREFIX + 'index') {
      var n = data && Array.isArray(data.applications) ? data.applications.length : null;
      return n === null ? '工作区目录（内容无法解析，仍原样备份）' : '工作区目录（' + n + ' 份申请、单位信息与排序）';
    }
    if (key === PREFIX + 'card') return '成员信息卡';
    return '申报助手的其他数据';
  }

  function size(value) {
    var bytes = new TextEncoder().encode(value).length;
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(2) + ' MB';
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function fileName(d) {
    return 'peixun-备份-' + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()) + '-' +
      pad(d.getHours()) + pad(d.getMinutes()) + '.json';
  }

  function backup(items, now) {
    var entries = {};
    items.forEach(function (item) {
      if (item.key.indexOf(PREFIX) === 0) entries[item.key] = item.value;
    });
    return { format: 'peixun-backup', version: 1, saved_at: now.toISOString(), origin: location.origin, entries: entries };
  }

  function row(item) {
    var tr = document.createElement('tr');
    var mine = item.key.indexOf(PREFIX) === 0;
    tr.setAttribute(mine ? 'data-key' : 'data-foreign', item.key);
    [item.key, describe(item.key, item.value), size(item.value)].forEach(function (text) {
      var td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  }

  function download() {
    var status = $('[data-status]');
    try {
      var now = new Date();
      var data = backup(readAll(), now);
      var text = JSON.stringify(data, null, 2) + '\n';
      var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      var a = document.createElement('a');
      a.href = url;
      a.download = fileName(now);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      status.textContent = '已生成备份文件 ' + a.download + '（' + Object.keys(data.entries).length + ' 项）。请在浏览器的下载列表中查看。';
    } catch (e) {
      status.textContent = '无法生成备份文件：' + (e && e.message ? e.message : e);
    }
  }

  function show() {
    var items;
    try {
      items = readAll();
    } catch (e) {
      $('[data-summary]').textContent = '无法读取本浏览器的本地存储（' + (e && e.message ? e.message : e) + '）。请检查浏览器是否禁止了网站数据。';
      return;
    }
    var tbody = $('[data-entries] tbody');
    items.forEach(function (item) { tbody.appendChild(row(item)); });
    var mine = items.filter(function (item) { return item.key.indexOf(PREFIX) === 0; });
    var apps = mine.filter(function (item) { return item.key.indexOf(PREFIX + 'app/') === 0; }).length;
    $('[data-summary]').textContent = mine.length
      ? '共 ' + mine.length + ' 项申报助手数据，其中 ' + apps + ' 份申请。' +
        (items.length > mine.length ? '另有 ' + (items.length - mine.length) + ' 项不是申报助手的数据，不放入备份。' : '')
      : '本浏览器中没有申报助手的数据。';
    var button = $('[data-action="download"]');
    button.disabled = mine.length === 0;
    button.addEventListener('click', download);
  }

  show();
})();

/* Quick exit (ES5; works as a plain link without JS): Shift x3 in 5 s; clear storage; replace history so
   Back does not return; in-site links and forms replace too (one history entry). */
(function () {
  var exit = document.getElementById('quick-exit'), left = false, presses = 0, firstAt = 0;
  if (!exit) return;
  function safe(f) { try { f(); } catch (e) { return e; } }
  function leave(ev) {
    if (ev) ev.preventDefault();
    if (left) return;
    left = true;
    document.body.hidden = true;
    safe(function () { sessionStorage.clear(); });
    safe(function () { localStorage.clear(); });
    safe(function () { caches.keys().then(function (n) { n.forEach(function (k) { caches['delete'](k); }); }); });
    safe(function () { indexedDB.databases().then(function (l) { l.forEach(function (d) { indexedDB.deleteDatabase(d.name); }); }); });
    location.replace(exit.href);
  }
  function own(url) { return url.host === location.host && url.protocol === location.protocol; }
  exit.addEventListener('click', leave);
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Shift' || ev.repeat) return;
    var now = Date.now();
    if (now - firstAt > 5000) { presses = 0; firstAt = now; }
    if (++presses >= 3) leave();
  }, true);
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href]');
    if (!a || a === exit || ev.defaultPrevented || ev.button || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    if (!own(a) || (a.hash && a.pathname === location.pathname)) return;
    ev.preventDefault();
    location.replace(a.href);
  });
  document.addEventListener('submit', function (ev) {
    var form = ev.target, url;
    if (ev.defaultPrevented || form.method != 'get') return;
    try {
      url = new URL(form.action);
      url.search = new URLSearchParams(new FormData(form)).toString();
    } catch (e) { return e; }
    if (!own(url)) return;
    ev.preventDefault();
    location.replace(url.href);
  });
})();

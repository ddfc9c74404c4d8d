// The mirror's first page: open the reader's own language when the copy has it. A reader who comes back here
// (#choose, or from another page of the copy) chooses from the list instead.
(function () {
  'use strict';
  if (location.hash === '#choose' || (document.referrer && document.referrer.indexOf(location.href.replace(/index\.html.*$/, '')) === 0)) {
    return;
  }
  var links = Array.prototype.slice.call(document.querySelectorAll('ul.mirror-languages a[hreflang]'));
  var offered = links.map(function (a) { return a.getAttribute('hreflang').toLowerCase(); });
  var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']);
  for (var i = 0; i < wanted.length; i++) {
    var tag = String(wanted[i]).toLowerCase();
    var at = offered.indexOf(tag);
    if (at < 0) {
      // zh-TW, zh-HK → zh-Hant; zh-CN, zh-SG → zh-Hans; else the language without its region
      var primary = tag.split('-')[0];
      if (primary === 'zh') {
        var script = /-(tw|hk|mo|hant)\b/.test(tag) ? 'zh-hant' : 'zh-hans';
        at = offered.indexOf(script);
      }
      if (at < 0) {
        at = offered.indexOf(primary);
      }
      if (at < 0) {
        for (var j = 0; j < offered.length; j++) {
          if (offered[j].split('-')[0] === primary) { at = j; break; }
        }
      }
    }
    if (at >= 0) {
      location.replace(links[at].href);
      return;
    }
  }
})();

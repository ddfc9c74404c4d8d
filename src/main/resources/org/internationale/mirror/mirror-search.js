// Search in the mirror, without a server: the language's index (search/<lang>.js, words found with ICU's word
// breaks) is queried with the browser's Intl.Segmenter, which breaks Thai, Khmer, Burmese, Chinese and Japanese
// into words the same way. A word the two break differently is still found in the pages' text.
(function () {
  'use strict';
  var form = document.querySelector('form[data-mirror-search]');
  var index = window.mirrorIndex;
  if (!form || !index) {
    return;
  }
  var lang = index.lang;
  var root = form.getAttribute('data-root') || '';
  var input = form.querySelector('input[name=q]');
  var status = document.getElementById('mirror-status');
  var results = document.getElementById('mirror-results');
  var lowered = index.pages.map(function (page) { return page.x.normalize('NFC').toLocaleLowerCase(lang); });

  function words(text) {
    text = text.normalize('NFC');
    var found = [];
    if (typeof Intl !== 'undefined' && Intl.Segmenter) {
      var segments = new Intl.Segmenter(lang, { granularity: 'word' }).segment(text);
      for (var it = segments[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) {
        if (s.value.isWordLike) { found.push(s.value.segment.toLocaleLowerCase(lang)); }
      }
    } else {
      found = text.toLocaleLowerCase(lang).split(/[\s.,;:!?¿¡"“”«»()\[\]{}]+/).filter(Boolean);
    }
    return found;
  }

  function count(haystack, needle) {
    var n = 0;
    for (var at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) { n++; }
    return n;
  }

  function search(query) {
    var terms = words(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
    var scores = new Map();
    terms.forEach(function (term) {
      var postings = index.terms[term];
      if (postings) {
        postings.forEach(function (p) { add(p[0], p[1]); });
      } else {
        lowered.forEach(function (text, page) { var n = count(text, term); if (n) { add(page, n); } });
      }
      function add(page, n) {
        var s = scores.get(page) || { page: page, score: 0, matched: new Set() };
        s.score += n;
        s.matched.add(term);
        scores.set(page, s);
      }
    });
    var all = Array.from(scores.values());
    var every = all.filter(function (s) { return s.matched.size === terms.length; });
    return { terms: terms, hits: (every.length ? every : all).sort(function (a, b) { return b.score - a.score || a.page - b.page; }) };
  }

  function snippet(page, terms) {
    var text = index.pages[page].x;
    var low = lowered[page];
    var at = -1;
    terms.some(function (t) { at = low.indexOf(t); return at >= 0; });
    var p = document.createElement('p');
    p.className = 'snippet';
    if (at < 0) {
      p.textContent = text.slice(0, 200);
      return p;
    }
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + 160);
    var piece = text.slice(start, end);
    var lowPiece = low.slice(start, end);
    var cursor = 0;
    while (cursor < piece.length) {
      var next = -1, length = 0;
      terms.forEach(function (t) {
        var i = lowPiece.indexOf(t, cursor);
        if (i >= 0 && (next < 0 || i < next)) { next = i; length = t.length; }
      });
      if (next < 0) { break; }
      p.appendChild(document.createTextNode((cursor === 0 && start > 0 ? '… ' : '') + piece.slice(cursor, next)));
      var mark = document.createElement('mark');
      mark.textContent = piece.slice(next, next + length);
      p.appendChild(mark);
      cursor = next + length;
    }
    p.appendChild(document.createTextNode(piece.slice(cursor) + (end < text.length ? ' …' : '')));
    return p;
  }

  function show(query) {
    results.textContent = '';
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    var found = search(query);
    if (!found.hits.length) {
      status.textContent = status.getAttribute('data-none').replace('{query}', query);
      return;
    }
    status.textContent = found.hits.length.toLocaleString(lang) + ' · ' + query;
    found.hits.forEach(function (hit) {
      var page = index.pages[hit.page];
      var li = document.createElement('li');
      var h2 = document.createElement('h2');
      var a = document.createElement('a');
      a.href = root + page.u.split('/').map(encodeURIComponent).join('/');
      a.textContent = page.t;
      h2.appendChild(a);
      li.appendChild(h2);
      li.appendChild(snippet(hit.page, found.terms));
      results.appendChild(li);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = input.value;
    try { history.replaceState(null, '', '?q=' + encodeURIComponent(query)); } catch (e) { /* file:// in some browsers */ }
    show(query);
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();

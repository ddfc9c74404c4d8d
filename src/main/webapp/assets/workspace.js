// Progressive enhancement for the workspace: every form works without this file.
// A chosen PO or XLIFF file is read into the text area the import form sends.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-fills]') || !input.files.length) return;
  var target = document.getElementById(input.getAttribute('data-fills'));
  input.files[0].text().then(function (text) { target.value = text; });
});

// A campaign's progress bar follows the sending live: the page asks the API every two seconds while it runs.
(function () {
  var section = document.querySelector('[data-campaign]');
  if (!section || !window.fetch) return;
  var bar = document.getElementById('campaign-progress');
  var counts = document.getElementById('campaign-counts');
  var id = section.getAttribute('data-campaign');
  function poll() {
    fetch('/api/admin/campaigns/' + id, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        var done = p.total - (p.counts.pending || 0) - (p.counts.sending || 0);
        bar.max = Math.max(1, p.total);
        bar.value = done;
        counts.textContent = done + ' / ' + p.total + ' (' + p.percentDone + '%)';
        if (p.state === 'scheduled' || p.state === 'sending') setTimeout(poll, 2000);
      });
  }
  poll();
})();

// Progressive enhancement for the workspace: every form works without this file.
// A chosen PO or XLIFF file is read into the text area the import form sends.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-fills]') || !input.files.length) return;
  var target = document.getElementById(input.getAttribute('data-fills'));
  input.files[0].text().then(function (text) { target.value = text; });
});

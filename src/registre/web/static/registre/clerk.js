/* Back office: the tally follows the clerk's typing.
   Progressive enhancement: each form marked data-preview is posted with _preview=1 on every
   change; the server applies it in a transaction it rolls back and answers with the tally
   fragment computed by the rules core, which replaces #tally-region. Without JavaScript the
   submit button saves and the page shows the new tally. */
(function () {
  "use strict";
  var region = document.getElementById("tally-region");
  if (!region || !window.fetch || !window.FormData) { return; }
  var sequence = 0;
  function refresh(form) {
    var data = new FormData(form);
    data.set("_preview", "1");
    var mine = ++sequence;
    region.setAttribute("aria-busy", "true");
    fetch(form.action || window.location.href, {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      if (mine !== sequence) { return; }  // a newer request answers later
      region.innerHTML = html;
      region.dataset.preview = String(mine);
    }).catch(function () { /* the submit button still works */ }).then(function () {
      if (mine === sequence) { region.removeAttribute("aria-busy"); }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-preview]"), function (form) {
    var timer = null;
    function later() { window.clearTimeout(timer); timer = window.setTimeout(function () { refresh(form); }, 250); }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
  });
}());

/* Behaviour that used to sit in inline handlers (onclick=…): the Content-Security-Policy
   (docs/security.md) runs no inline script. Listeners sit on the document, so content that htmx
   swaps in later works too.
   - data-print: the button prints the page.
   - data-check-all="<selector>": the button ticks every checkbox the selector finds. */
document.addEventListener("click", function (event) {
  var target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest("[data-print]")) {
    window.print();
    return;
  }
  var checkAll = target.closest("[data-check-all]");
  if (checkAll) {
    document.querySelectorAll(checkAll.getAttribute("data-check-all")).forEach(function (box) {
      box.checked = true;
    });
  }
});

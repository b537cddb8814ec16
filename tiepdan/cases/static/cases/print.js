// The receipt's print button (no inline scripts under the Content Security Policy).
document.querySelectorAll(".js-print").forEach(function (el) {
  el.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
});

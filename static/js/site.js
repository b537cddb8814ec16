// Small progressive enhancements; every page works without JavaScript.
document.querySelectorAll(".js-autosubmit").forEach(function (el) {
  el.addEventListener("change", function () { el.form.submit(); });
});
document.querySelectorAll("[data-confirm]").forEach(function (el) {
  el.addEventListener("click", function (event) {
    if (!window.confirm(el.dataset.confirm)) { event.preventDefault(); }
  });
});

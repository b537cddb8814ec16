// Poll a report's generation; show the progress bar only when it takes more than a second.
(function () {
  "use strict";
  var box = document.querySelector("[data-report-status]");
  if (!box) { return; }
  var url = box.getAttribute("data-report-status");
  var bar = box.querySelector(".progress");
  var fill = box.querySelector(".progress-bar");
  var started = Date.now();
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.status === "done" || data.status === "failed") {
          window.location.reload();
          return;
        }
        if (Date.now() - started > 1000) { bar.classList.remove("d-none"); }
        fill.style.width = data.progress + "%";
        fill.setAttribute("aria-valuenow", data.progress);
        fill.textContent = data.progress + " %";
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();

// The public form's step before sending: published answers like the text typed so far.
// A fragment rendered by the server (no inline script under the Content Security Policy);
// without JavaScript the form works as before.
(function () {
  "use strict";
  var box = document.querySelector("[data-similar-url]");
  if (!box) { return; }
  var form = box.closest("form");
  var subject = form.querySelector("[name=subject]");
  var content = form.querySelector("[name=content]");
  var token = form.querySelector("[name=csrfmiddlewaretoken]");
  var timer = null;
  var asked = "";
  function ask() {
    var text = (subject ? subject.value : "") + "\n" + content.value;
    if (text.trim().length < 30 || text === asked) { return; }
    asked = text;
    var data = new FormData();
    data.append("subject", subject ? subject.value : "");
    data.append("content", content.value);
    data.append("csrfmiddlewaretoken", token ? token.value : "");
    fetch(box.getAttribute("data-similar-url"), {
      method: "POST", body: data, credentials: "same-origin",
    })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { box.innerHTML = html; })
      .catch(function () { /* a suggestion only: the form still sends */ });
  }
  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 800);
  }
  [subject, content].forEach(function (el) {
    if (el) {
      el.addEventListener("input", later);
      el.addEventListener("blur", ask);
    }
  });
})();

// Small enhancements only: every feature works without this file.
(function () {
  "use strict";
  // Quick exit: replace this page in the history so "back" does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#quick-exit");
    if (!link) return;
    event.preventDefault();
    try { document.body.style.display = "none"; } catch (e) { /* ignore */ }
    window.location.replace(link.href);
  });
  // Move focus to the error summary after a failed submit, as GOV.UK does.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
  // After htmx puts a verdict in place, move focus to it, which also scrolls it into view on
  // a phone: the same place a full page load would leave the reader.
  document.addEventListener("htmx:afterSettle", function (event) {
    // A boosted form (a question) brought a whole new page: start reading it at its error
    // summary, or at the main content, as after a page load (the skip link's target).
    if (event.detail && event.detail.boosted) {
      var target = document.querySelector("[data-error-summary]") || document.getElementById("main");
      if (target) target.focus();
      return;
    }
    var result = document.querySelector("[data-focus-on-swap]");
    if (result && result.textContent.trim()) result.focus();
  });
  // Copy buttons: <button data-copy-target="id">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy-target]");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target || !navigator.clipboard) return;
    var text = "value" in target ? target.value : target.innerText;
    navigator.clipboard.writeText(text).then(function () {
      var done = button.getAttribute("data-copied");
      if (done) button.textContent = done;
    });
  });
  // Print buttons: <button data-print>.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) window.print();
  });
})();

// Letters: show the copy and print buttons (they need JavaScript), and keep the preview
// in step with the text box while the borrower edits. Without this file the page still
// works: "更新预览" re-posts the text.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-needs-js]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
    var hint = document.querySelector("[data-no-js-hint]");
    if (hint && navigator.clipboard) hint.hidden = true;
    var box = document.querySelector(".letter-text");
    if (!box) return;
    box.addEventListener("input", function () {
      var lines = box.value.replace(/\r\n?/g, "\n").split("\n");
      var start = 0;
      while (start < lines.length && !lines[start].trim()) start++;
      var title = "";
      if (start < lines.length && lines[start].trim().length <= 80) {
        title = lines[start].trim();
        start++;
      }
      var body = lines.slice(start).join("\n").replace(/^\n+|\n+$/g, "");
      var sheets = document.querySelectorAll(".letter-sheet");
      for (var j = 0; j < sheets.length; j++) {
        var titleNode = sheets[j].querySelector(".letter-title");
        if (titleNode) titleNode.textContent = title;
        var bodyNode = sheets[j].querySelector(".letter-body");
        if (bodyNode) bodyNode.textContent = body;
      }
    });
  });
})();

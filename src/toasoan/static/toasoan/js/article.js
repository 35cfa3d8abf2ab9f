// Counts this view and shows the article's total, so the page itself stays cacheable.
(function () {
  "use strict";
  var counter = document.querySelector("[data-view-count]");
  if (counter && window.fetch) {
    fetch(counter.getAttribute("data-url"), { method: "POST", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data) { counter.textContent = data.views.toLocaleString("vi-VN"); }
      })
      .catch(function () {});
  }
  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
})();

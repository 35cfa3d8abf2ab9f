// Every public page: today's date in the header, and the section menu on phones.
(function () {
  "use strict";
  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  // The page may have been built (and cached) on an earlier day: show today's date,
  // in Vietnam (UTC+7 all year, no daylight saving time).
  var today = document.querySelector("[data-today]");
  if (today) {
    var now = new Date(Date.now() + 7 * 3600 * 1000);
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var day = two(now.getUTCDate()), month = two(now.getUTCMonth() + 1), year = now.getUTCFullYear();
    var iso = year + "-" + month + "-" + day;
    if (today.getAttribute("datetime") !== iso) {
      today.setAttribute("datetime", iso);
      today.textContent = WEEKDAYS[now.getUTCDay()] + ", " + day + "/" + month + "/" + year;
    }
  }

  // Narrow screens fold the menu behind the "Chuyên mục" button (site.css; without
  // JavaScript noscript.css unfolds it): a disclosure, which Escape closes.
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) { return; }

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && toggle.getAttribute("aria-expanded") === "true" &&
        (menu.contains(document.activeElement) || document.activeElement === toggle)) {
      setOpen(false);
      toggle.focus();
    }
  });
})();

// The comment form: fetches its captcha, CSRF token and timestamp (the article page
// is cached and the same for everyone) when the reader starts writing, and sends the
// comment without leaving the page. Most readers of an article never comment: a
// captcha made for every view would put an uncached request behind every cached page.
(function () {
  "use strict";
  var form = document.querySelector("[data-comment-form]");
  if (!form || !window.fetch || !window.FormData) { return; }

  var challengeUrl = form.getAttribute("data-challenge-url");
  var keyInput = form.querySelector("[data-captcha-key]");
  var answerInput = form.querySelector("[name=captcha_1]");
  var image = form.querySelector("[data-captcha-image]");
  var question = form.querySelector("[data-captcha-question]");
  var questionButton = form.querySelector("[data-captcha-question-button]");
  var status = form.querySelector("[data-form-status]");
  var alertBox = form.querySelector("[data-form-alert]");
  var fallback = document.querySelector("[data-comment-fallback]");
  var kind = "image";

  function json(response) {
    return response.json().catch(function () { return { ok: false }; }).then(function (data) {
      data.httpStatus = response.status;
      return data;
    });
  }

  var asked = 0;

  function loadChallenge() {
    var url = challengeUrl + (kind === "question" ? "?kieu=cau-hoi" : "");
    // Focusing the form asks for a challenge, and so does switching to a question:
    // only the last one asked for is shown, whichever answer arrives last.
    var ticket = ++asked;
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(json)
      .then(function (data) {
        if (ticket !== asked) { return; }
        if (!data.key) { throw new Error("no challenge"); }
        keyInput.value = data.key;
        form.elements.shown.value = data.shown;
        form.elements.csrfmiddlewaretoken.value = data.csrf_token;
        answerInput.value = "";
        if (data.question) {
          image.hidden = true;
          image.removeAttribute("src");
          question.textContent = data.question;
          answerInput.setAttribute("inputmode", "numeric");
        } else {
          question.textContent = "";
          image.src = data.image_url;
          image.hidden = false;
          answerInput.removeAttribute("inputmode");
        }
        form.hidden = false;
        if (fallback) { fallback.hidden = true; }
      });
  }

  function clearErrors() {
    form.querySelectorAll("[data-error-for]").forEach(function (box) {
      box.textContent = "";
      box.hidden = true;
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
    });
    alertBox.hidden = true;
    alertBox.textContent = "";
  }

  function showErrors(data) {
    var first = null;
    Object.keys(data.errors || {}).forEach(function (name) {
      var box = form.querySelector('[data-error-for="' + name + '"]');
      var field = form.elements[name === "captcha" ? "captcha_1" : name];
      if (box) {
        box.textContent = data.errors[name].join(" ");
        box.hidden = false;
      }
      if (field && field.setAttribute) {
        field.setAttribute("aria-invalid", "true");
        first = first || field;
      }
    });
    alertBox.textContent = data.message || "Không gửi được bình luận. Vui lòng thử lại.";
    alertBox.hidden = false;
    (first || alertBox).focus();
  }

  form.querySelector("[data-captcha-refresh]").addEventListener("click", function (event) {
    event.preventDefault();
    loadChallenge().then(function () {
      status.textContent = "Đã tạo mã xác nhận mới.";
      answerInput.focus();
    });
  });

  questionButton.addEventListener("click", function (event) {
    event.preventDefault();
    kind = kind === "image" ? "question" : "image";
    questionButton.textContent = kind === "image" ? "Dùng câu hỏi thay cho ảnh" : "Dùng ảnh mã xác nhận";
    loadChallenge().then(function () { answerInput.focus(); });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    status.textContent = "Đang gửi…";
    var submit = form.querySelector("[type=submit]");
    submit.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": form.elements.csrfmiddlewaretoken.value }
    })
      .then(json)
      .then(function (data) {
        if (data.ok) {
          form.reset();
          status.textContent = data.message;
        } else {
          status.textContent = "";
          showErrors(data);
        }
      })
      .catch(function () {
        status.textContent = "";
        showErrors({ message: "Không kết nối được với máy chủ. Nội dung bạn viết vẫn còn; vui lòng thử lại." });
      })
      .then(function () {
        submit.disabled = false;
        return loadChallenge();
      });
  });

  function failed() {
    // What the reader has written stays; the fallback page is the other way in.
    alertBox.textContent = "Chưa tải được mã xác nhận. Vui lòng bấm «Lấy lại mã bảo mật» " +
      "hoặc mở trang viết bình luận.";
    alertBox.hidden = false;
    if (fallback) { fallback.hidden = false; }
  }

  if (form.hidden) {
    form.hidden = false;
    if (fallback) { fallback.hidden = true; }
    question.textContent = "Mã xác nhận sẽ hiện ra khi bạn bắt đầu viết bình luận.";
    form.addEventListener("focusin", function first() {
      form.removeEventListener("focusin", first);
      if (!keyInput.value) { loadChallenge().catch(failed); }
    });
  }
})();

// The HTML edition's one script: note pop-ups, the copy button, the page's own address
// in "Cite this". Every page works without it: a note mark is a link to the note in the
// list after the text, and back.
(function () {
  "use strict";
  var popup = null, owner = null, pinned = false, hideTimer = 0;

  function noteFor(link) {
    var id = decodeURIComponent((link.getAttribute("href") || "").slice(1));
    return id ? document.getElementById(id) : null;
  }

  function build() {
    popup = document.createElement("div");
    popup.className = "note-popup";
    popup.id = "note-popup";
    popup.hidden = true;
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-modal", "false");
    popup.setAttribute("aria-labelledby", "note-popup-title");
    popup.tabIndex = -1;
    var head = document.createElement("div");
    head.className = "popup-head";
    var title = document.createElement("span");
    title.id = "note-popup-title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "popup-close";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Close the note");
    close.addEventListener("click", function () { hide(true); });
    head.appendChild(title);
    head.appendChild(close);
    var body = document.createElement("div");
    body.className = "popup-body";
    popup.appendChild(head);
    popup.appendChild(body);
    popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popup.addEventListener("mouseleave", function () { if (!pinned) { later(); } });
    popup.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(true); } });
    document.body.appendChild(popup);
  }

  function show(link, pin) {
    var note = noteFor(link);
    if (!note) { return false; }
    if (!popup) { build(); }
    clearTimeout(hideTimer);
    if (owner && owner !== link) { owner.setAttribute("aria-expanded", "false"); }
    owner = link;
    pinned = pin;
    var body = note.querySelector(".note-body");
    var copy = body.cloneNode(true);
    copy.removeAttribute("id");
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var target = popup.querySelector(".popup-body");
    target.replaceChildren(copy);
    popup.querySelector("#note-popup-title").textContent = (note.getAttribute("data-series") || "Note") + " " + (note.getAttribute("data-mark") || "");
    popup.hidden = false;
    link.setAttribute("aria-expanded", "true");
    place(link);
    if (pin) { popup.focus(); }
    return true;
  }

  function place(link) {
    var r = link.getBoundingClientRect();
    var width = popup.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + r.left - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.setProperty("left", left + "px");
    popup.style.setProperty("top", (window.scrollY + r.bottom + 6) + "px");
  }

  function hide(returnFocus) {
    if (!popup || popup.hidden) { return; }
    popup.hidden = true;
    pinned = false;
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      if (returnFocus) { owner.focus(); }
    }
  }

  function later() { clearTimeout(hideTimer); hideTimer = setTimeout(function () { hide(false); }, 250); }

  function notes() {
    Array.prototype.forEach.call(document.querySelectorAll("a.noteref"), function (link) {
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", "note-popup");
      link.addEventListener("click", function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey) { return; }
        if (pinned && owner === link) { e.preventDefault(); hide(true); return; }
        if (show(link, true)) { e.preventDefault(); }
      });
      link.addEventListener("mouseenter", function () { if (!pinned) { show(link, false); } });
      link.addEventListener("mouseleave", function () { if (!pinned) { later(); } });
      link.addEventListener("focus", function () { if (!pinned) { show(link, false); } });
      link.addEventListener("blur", function () { if (!pinned) { later(); } });
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(true); } });
    document.addEventListener("click", function (e) {
      if (popup && !popup.hidden && !popup.contains(e.target) && e.target.closest && !e.target.closest("a.noteref")) { hide(false); }
    });
  }

  function copyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("button.copy[data-copy]"), function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var status = button.parentNode.querySelector(".copy-status");
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var words = source.textContent.replace(/\s+/g, " ").trim();
        var done = function () { if (status) { status.textContent = "Citation copied."; } };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(words).then(done, function () { select(source); });
        } else {
          select(source);
        }
      });
    });
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function selfAddress() {
    if (!/^https?:$/.test(location.protocol)) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-self-address]"), function (span) {
      span.textContent = ", " + location.href.split("#")[0];
      span.hidden = false;
    });
  }

  // A text beside its original: the switch between both versions and either alone.
  function versionSwitches() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-versions]"), function (box) {
      var choice = box.querySelector(".version-switch");
      if (!choice) { return; }
      choice.hidden = false;
      choice.addEventListener("change", function (e) {
        if (e.target && e.target.value) { box.setAttribute("data-show", e.target.value); }
      });
    });
  }

  notes();
  copyButtons();
  versionSwitches();
  selfAddress();
}());

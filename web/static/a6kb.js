// SPDX-License-Identifier: Apache-2.0
// a6kb: a little JavaScript on top of pages that work without it.
// - search-as-you-type suggestions (an ARIA combobox) on inputs with
//   data-suggest="ID", ID being the (hidden) listbox the suggestions go in;
// - on a document page, the reader's anchors, "Next match" and "Copy citation";
// - on the results page, ticking a filter or changing the sort updates the
//   results in place (the address changes too, so it stays shareable).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function debounce(fn, ms) {
    var t = null;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // ---- Suggestions -------------------------------------------------------
  // data-suggest names the list's id. The box becomes an ARIA combobox here,
  // not in the page: without this script there is no list to announce.
  function setupSuggest(input) {
    var list = document.getElementById(input.getAttribute("data-suggest"));
    if (!list) return;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var items = [];
    var active = -1;
    var pending = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function target(s) {
      if (s.kind === "concept") {
        var parts = s.id.split(":");
        return "/search?" + encodeURIComponent(parts[0]) + "=" + encodeURIComponent(parts[1]);
      }
      return "/doc/" + encodeURIComponent(s.id);
    }
    function highlight(i) {
      active = i;
      for (var k = 0; k < list.children.length; k++)
        list.children[k].setAttribute("aria-selected", k === i ? "true" : "false");
      if (i >= 0) input.setAttribute("aria-activedescendant", list.children[i].id);
      else input.removeAttribute("aria-activedescendant");
    }
    function show(suggestions) {
      list.innerHTML = "";
      items = suggestions;
      suggestions.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = input.id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = s.label;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = s.kind === "symbol" ? "document" : s.kind === "concept" ? "filter" : "title";
        li.appendChild(kind);
        li.addEventListener("mousedown", function (e) {
          e.preventDefault();
          window.location.href = target(s);
        });
        list.appendChild(li);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
      active = -1;
    }
    var fetchSuggestions = debounce(function () {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      if (pending) pending.abort();
      pending = new AbortController();
      fetch("/api/v1/suggest?limit=8&q=" + encodeURIComponent(q), { signal: pending.signal })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (j) { if (input.value.trim() === q) show(j.suggestions || []); })
        .catch(function () {});
    }, 120);

    input.addEventListener("input", fetchSuggestions);
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, -1)); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = target(items[active]); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), setupSuggest);

  // ---- The reader (document pages with their text) -------------------------
  // Works without this script; with it: an anchor of another part is
  // resolved by the server (/doc/ID/at/ANCHOR), a "Next match" button walks
  // the highlights, and "Cite" offers to copy the citation with its link.
  function setupReader(reader) {
    var doc = reader.getAttribute("data-doc");
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (/^[a-z0-9-]+$/.test(hash) && !document.getElementById(hash)) {
      window.location.replace("/doc/" + encodeURIComponent(doc) + "/at/" + hash + window.location.search);
      return;
    }
    var marks = reader.querySelectorAll(".passages mark");
    if (marks.length) {
      var next = document.createElement("button");
      next.type = "button";
      next.className = "next-mark";
      var at = -1;
      var label = function () {
        next.textContent = "Next match (" + (at < 0 ? marks.length : at + 1 + " of " + marks.length) + ")";
      };
      label();
      next.addEventListener("click", function () {
        if (at >= 0) marks[at].classList.remove("current");
        at = (at + 1) % marks.length;
        marks[at].classList.add("current");
        marks[at].scrollIntoView({ block: "center" });
        label();
      });
      reader.insertBefore(next, reader.querySelector(".passages"));
    }
  }
  var reader = document.querySelector(".reader");
  if (reader) setupReader(reader);
  // "Cite" boxes (passages, and "Cite this document"): once opened, the link
  // shows its full address and a button copies the citation with it.
  document.addEventListener("toggle", function (e) {
    var box = e.target;
    if (!box.classList || !box.classList.contains("cite") || !box.open || box.querySelector("button")) return;
    var text = box.querySelector(".citation").textContent;
    var link = box.querySelector(".cite-link");
    link.textContent = link.href;
    if (!navigator.clipboard) return;
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = "Copy citation";
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(text + ", " + link.href).then(function () { copy.textContent = "Copied"; }, function () {});
    });
    box.appendChild(copy);
  }, true);

  // ---- Results that follow the filters ------------------------------------
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) return;

  function urlOf(f) {
    var params = new URLSearchParams();
    new FormData(f).forEach(function (value, key) {
      if (value === "" || (key === "versions" && value === "latest") || (key === "sort" && value === "relevance")) return;
      params.append(key, value);
    });
    var qs = params.toString();
    return "/search" + (qs ? "?" + qs : "");
  }

  var current = null;
  function load(url, push) {
    if (current) current.abort();
    current = new AbortController();
    document.body.setAttribute("aria-busy", "true");
    fetch(url, { signal: current.signal, headers: { "Accept": "text/html" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        // Swap the contents, not the elements: #results stays the live
        // region screen readers listen to, and focus returns to the same control.
        var focused = document.activeElement && document.activeElement.id;
        ["results", "filters"].forEach(function (id) {
          var fresh = doc.getElementById(id), old = document.getElementById(id);
          if (fresh && old) old.replaceChildren.apply(old, Array.prototype.slice.call(fresh.childNodes));
        });
        if (focused) {
          var again = document.getElementById(focused);
          if (again) again.focus();
        }
        document.title = doc.title;
        if (push) window.history.pushState({ url: url }, "", url);
        document.body.removeAttribute("aria-busy");
      })
      .catch(function (e) {
        if (e.name !== "AbortError") window.location.href = url;  // fall back to a full load
      });
  }

  form.addEventListener("change", function (e) {
    var t = e.target;
    if (t.name === "q") return;  // the query waits for Enter
    if (t.type === "number" && t.value !== "" && t.value.length < 4) return;
    load(urlOf(form), true);
  });
  window.addEventListener("popstate", function () { load(window.location.href, false); });

  // On a phone the filters start folded.
  if (window.matchMedia && window.matchMedia("(max-width: 50rem)").matches) {
    var toggle = document.querySelector(".filters-toggle");
    if (toggle) toggle.removeAttribute("open");
  }
})();

// Search with Pagefind's index (pagefind/), English and Russian each with its own stemming.
// Opened from files (file://) the index cannot be read: the page says so and points to the indexes.
// A classic script (a module would not load from files at all), that imports Pagefind's module when served.
(function () {
"use strict";
const here = document.currentScript.src;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const input = document.getElementById("search-q");
const offline = document.getElementById("search-offline");

function say(words) { status.textContent = words; }

async function start() {
  if (!/^https?:$/.test(location.protocol)) {
    offline.hidden = false;
    say("Search is not available when the edition is opened from files.");
    return;
  }
  let pagefind;
  try {
    pagefind = await import(new URL("../pagefind/pagefind.js", here).href);
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    try { await pagefind.mergeIndex(new URL("../pagefind/", here).href, { language: "ru" }); } catch (e) { /* no Russian pages */ }
  } catch (e) {
    offline.hidden = false;
    say("The search index could not be loaded.");
    return;
  }
  const params = new URLSearchParams(location.search);
  const form = input.form;
  form.addEventListener("submit", (e) => { e.preventDefault(); run(pagefind, input.value); history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); });
  if (params.get("q")) { input.value = params.get("q"); run(pagefind, input.value); } else { say("Type words and press Search."); }
}

async function run(pagefind, query) {
  list.replaceChildren();
  if (!query.trim()) { say("Type words and press Search."); return; }
  say("Searching…");
  const found = await pagefind.search(query);
  const results = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
  say(results.length ? `${found.results.length} page(s) found for “${query}”.` : `Nothing found for “${query}”.`);
  for (const r of results) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = r.url;
    a.textContent = r.meta && r.meta.title ? r.meta.title : r.url;
    const p = document.createElement("p");
    // Pagefind's excerpt marks the hits with <mark>; everything else in it is text.
    for (const piece of r.excerpt.split(/(<mark>.*?<\/mark>)/)) {
      const m = /^<mark>(.*)<\/mark>$/.exec(piece);
      if (m) { const mark = document.createElement("mark"); mark.textContent = unescape(m[1]); p.appendChild(mark); }
      else { p.appendChild(document.createTextNode(unescape(piece))); }
    }
    li.appendChild(a);
    li.appendChild(p);
    list.appendChild(li);
  }
}

function unescape(s) {
  const t = document.createElement("textarea");
  t.innerHTML = s;
  return t.value;
}

start();
}());

// The analyze page: send the article to /api/extract and show the record on its text.
"use strict";

(() => {
  const {el, clear, api, eventType, status, actorList, bilingual, ENTITY_TYPES} = Marsad;
  const $ = (id) => document.getElementById(id);
  const RANK = {sentence: 0, quote: 1, mention: 2, time: 2, trigger: 3};

  // ---- spans of the record on its text, nested into a tree -------------------------------

  function collectSpans(record, length) {
    const spans = [];
    const add = (start, end, kind, info) => {
      if (typeof start !== "number" || typeof end !== "number") return;
      start = Math.max(0, Math.min(length, start));
      end = Math.max(0, Math.min(length, end));
      if (end > start) spans.push({start, end, kind, rank: RANK[kind], info});
    };
    const grouped = (kind, start, end, eventId, map) => {
      const k = `${start}:${end}`;
      if (map.has(k)) map.get(k).events.push(eventId);
      else { const info = {events: [eventId]}; map.set(k, info); add(start, end, kind, info); }
    };
    const sentences = new Map(), triggers = new Map();
    for (const ev of record.events || []) {
      if (ev.sentence) grouped("sentence", ev.sentence.start, ev.sentence.end, ev.id, sentences);
      if (ev.trigger) grouped("trigger", ev.trigger.start, ev.trigger.end, ev.id, triggers);
    }
    (record.quotes || []).forEach((q, i) => add(q.start, q.end, "quote", {quote: q, id: `Q${i + 1}`}));
    for (const e of record.entities || [])
      for (const m of e.mentions || []) add(m.start, m.end, "mention", {entity: e, mention: m});
    for (const t of record.times || []) add(t.start, t.end, "time", {time: t});
    return spans;
  }

  const order = (a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank;

  // A span crossing the end of its container is split in two, so every span stays visible.
  function nest(spans, length) {
    const queue = spans.sort(order);
    const root = {start: 0, end: length, children: []};
    const stack = [root];
    for (let i = 0; i < queue.length; i++) {
      const span = queue[i];
      while (span.start >= stack[stack.length - 1].end) stack.pop();
      const parent = stack[stack.length - 1];
      if (span.end > parent.end) {
        const rest = {...span, start: parent.end, continued: true};
        span.end = parent.end;
        let j = i + 1;
        while (j < queue.length && order(queue[j], rest) <= 0) j++;
        queue.splice(j, 0, rest);
      }
      span.children = [];
      parent.children.push(span);
      stack.push(span);
    }
    return root;
  }

  function spanElement(span, names) {
    const info = span.info;
    switch (span.kind) {
      case "sentence":
        return el("span", {class: "sent", dataset: {events: info.events.join(" ")}});
      case "trigger":
        return el("mark", {class: "trigger", dataset: {events: info.events.join(" ")},
                           title: info.events.join(" ")});
      case "quote": {
        const q = info.quote;
        const speaker = (q.speaker && names[q.speaker]) || q.speaker_text || "؟";
        const attrs = {class: `quote ${q.direct ? "direct" : "indirect"}`, title: `${speaker}: ${q.text || ""}`,
                       dataset: {quote: info.id}};
        if (!span.continued) attrs.dataset.speaker = speaker;
        return el("span", attrs);
      }
      case "mention": {
        const e = info.entity;
        const code = [e.country, e.sector].filter(Boolean).join("/");
        return el("span", {class: `ent ent-${e.type}`, title: `${e.name || ""} · ${e.type}${code ? " · " + code : ""}`,
                           dataset: {entity: e.id, kind: info.mention.kind || "name"}});
      }
      default: {
        const t = info.time;
        return el("span", {class: "timex", title: `${t.type || ""} ${t.value || ""}`,
                           dataset: {value: t.value || "", type: t.type || ""}});
      }
    }
  }

  function renderNode(node, text, parent, names) {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) parent.append(text.slice(pos, child.start));
      const element = spanElement(child, names);
      renderNode(child, text, element, names);
      parent.append(element);
      pos = child.end;
    }
    if (node.end > pos) parent.append(text.slice(pos, node.end));
  }

  // ---- side lists ------------------------------------------------------------------------

  function highlight(selector) {
    const box = $("annotated");
    box.querySelectorAll(".hl").forEach((n) => n.classList.remove("hl"));
    document.querySelectorAll(".items .selected").forEach((n) => n.classList.remove("selected"));
    const hits = selector ? box.querySelectorAll(selector) : [];
    hits.forEach((n) => n.classList.add("hl"));
    if (hits.length) hits[0].scrollIntoView({block: "center", behavior: "smooth"});
    return hits.length;
  }

  function onActivate(item, action) {  // click, or Enter / space on the focused item
    item.addEventListener("click", action);
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); action(); }
    });
  }

  const attr = (name, value) => `[data-${name}~="${CSS.escape(value)}"]`;

  function eventItem(ev, names) {
    const actorIds = [...(ev.actor || []), ...(ev.recipient || [])].map((a) => a.entity).filter(Boolean);
    const link = el("a", {href: "#", class: "evidence-link", dataset: {event: ev.id}},
                    "الدليل ", el("span", {class: "en"}, "evidence"));
    const item = el("li", {class: "event", dataset: {event: ev.id, type: ev.type}},
      el("div", {class: "event-head"}, eventType(ev.type), ev.mode ? el("span", {class: "code", dir: "ltr"}, ev.mode) : null,
         el("span", {class: "event-id code", dir: "ltr"}, ev.id)),
      el("div", {class: "event-actors"}, actorList(ev.actor, names), el("span", {class: "arrow"}, " ← "),
         actorList(ev.recipient, names)),
      el("div", {class: "event-meta"},
         el("span", {class: "meta"}, "التاريخ ", el("span", {class: "en"}, "date "), el("bdi", {class: "ev-date"}, ev.date || "—")),
         el("span", {class: "meta"}, "المكان ", el("span", {class: "en"}, "place "),
            el("bdi", {class: "ev-place"}, (ev.location && names[ev.location]) || "—")),
         el("span", {class: "meta"}, status(ev.status)),
         link));
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const sel = [`.sent${attr("events", ev.id)}`, `.trigger${attr("events", ev.id)}`]
        .concat(actorIds.map((id) => `.sent${attr("events", ev.id)} .ent${attr("entity", id)}`));
      highlight(sel.join(","));
      item.classList.add("selected");
    });
    return item;
  }

  function quoteItem(q, i, names) {
    const id = `Q${i + 1}`;
    const speaker = (q.speaker && names[q.speaker]) || q.speaker_text || "؟";
    const item = el("li", {class: "quote-item", dataset: {quote: id}, tabindex: 0},
      el("strong", {class: "speaker"}, speaker), q.addressee && names[q.addressee] ? ` ← ${names[q.addressee]}` : "",
      ": ", el("span", {class: "quote-text"}, q.direct ? `«${q.text || ""}»` : q.text || ""),
      q.cue ? el("span", {class: "code"}, q.cue) : null);
    onActivate(item, () => { highlight(`.quote${attr("quote", id)}`); item.classList.add("selected"); });
    return item;
  }

  function entityItem(e) {
    const code = [e.country, e.sector].filter(Boolean).join("/");
    const item = el("li", {class: "entity-item", dataset: {entity: e.id}, tabindex: 0},
      el("span", {class: `swatch ent ent-${e.type}`}, e.type), " ", el("strong", {}, e.name || ""),
      e.name_en ? el("span", {class: "en", dir: "ltr"}, ` ${e.name_en}`) : null,
      code ? el("span", {class: "code", dir: "ltr"}, code) : null,
      el("span", {class: "muted"}, ` ×${(e.mentions || []).length}`));
    onActivate(item, () => { highlight(`.ent${attr("entity", e.id)}`); item.classList.add("selected"); });
    return item;
  }

  function timeItem(t) {
    return el("li", {class: "time-item"}, el("span", {class: "timex"}, t.text || ""), " → ",
              el("bdi", {class: "code", dir: "ltr"}, `${t.value || "?"}`), el("span", {class: "muted"}, ` ${t.type || ""}`));
  }

  function fillList(id, items, empty) {
    const list = clear($(id));
    if (!items.length) list.append(el("li", {class: "empty muted"}, empty));
    else items.forEach((n) => list.append(n));
    $(`${id}-count`).textContent = `(${items.length})`;
  }

  function legend() {
    const box = clear($("legend"));
    for (const [type, label] of Object.entries(ENTITY_TYPES))
      box.append(el("span", {class: `ent ent-${type}`}, label));
    box.append(el("span", {class: "timex"}, "زمن · time"), el("span", {class: "quote direct"}, "اقتباس · quote"),
               el("mark", {class: "trigger"}, "مؤشر حدث · event trigger"));
  }

  function show(record, text) {
    const names = Object.fromEntries((record.entities || []).map((e) => [e.id, e.name]));
    const box = clear($("annotated"));
    renderNode(nest(collectSpans(record, text.length), text.length), text, box, names);
    fillList("events", (record.events || []).map((ev) => eventItem(ev, names)), "لا أحداث · no events");
    fillList("quotes", (record.quotes || []).map((q, i) => quoteItem(q, i, names)), "لا اقتباسات · no quotes");
    fillList("entities", (record.entities || []).map(entityItem), "لا كيانات · no entities");
    fillList("times", (record.times || []).map(timeItem), "لا تعبيرات زمنية · no times");
    legend();
    $("result").hidden = false;
  }

  // ---- actions -----------------------------------------------------------------------------

  function setStatus(message, isError) {
    const box = $("status");
    box.textContent = message;
    box.classList.toggle("error", Boolean(isError));
  }

  async function analyze() {
    const text = $("article-text").value;
    if (!text.trim()) { setStatus("الرجاء إدخال نص · Please enter an article", true); return; }
    const button = $("analyze");
    button.disabled = true;
    setStatus("جارٍ التحليل… · Analyzing…");
    const started = performance.now();
    try {
      const record = await api("/api/extract", {method: "POST", headers: {"content-type": "application/json"},
        body: JSON.stringify({text, date: $("article-date").value || null})});
      show(record, text);
      const ms = Math.round(performance.now() - started);
      setStatus(`تم · done: ${(record.events || []).length} events, ${(record.entities || []).length} entities · ${ms} ms`);
    } catch (error) {
      setStatus(`خطأ · Error: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  }

  async function loadSample() {
    try {
      const doc = await api("/api/sample");
      $("article-text").value = doc.text || "";
      $("article-date").value = doc.date || "";
      setStatus("تم تحميل المقال النموذجي · Sample loaded");
    } catch (error) {
      setStatus(`خطأ · Error: ${error.message}`, true);
    }
  }

  // /?doc=ID shows a stored document with its stored record (from the corpus view).
  async function loadStored(docId) {
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      $("article-text").value = doc.text || "";
      $("article-date").value = doc.date || "";
      if (doc.record && doc.text) show(doc.record, doc.text);
      setStatus(`الوثيقة · document ${docId}${doc.title ? " — " + doc.title : ""}`);
    } catch (error) {
      setStatus(`خطأ · Error: ${error.message}`, true);
    }
  }

  $("analyze").addEventListener("click", analyze);
  $("sample").addEventListener("click", loadSample);
  $("article-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) analyze();
  });
  const stored = new URLSearchParams(location.search).get("doc");
  if (stored) loadStored(stored);
})();

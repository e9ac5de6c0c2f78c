// The corpus page: events table (filter, sort, paginate), charts, quote search.
"use strict";

(() => {
  const {el, clear, api, eventType, status, EVENT_TYPES} = Marsad;
  const $ = (id) => document.getElementById(id);
  const PAGE = 25;
  const COOPERATION = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"];
  const state = {filters: {}, sort: "date", order: "desc", offset: 0, total: 0};
  // Only well-formed codes reach the charts (Plotly reads a little markup in its labels).
  const isDay = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);
  const isCode = (s) => typeof s === "string" && /^[A-Z]{3}$/.test(s);
  const isType = (s) => Object.prototype.hasOwnProperty.call(EVENT_TYPES, s);

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
    return q.toString();
  }

  function readFilters() {
    return {type: $("f-type").value, actor_country: $("f-actor").value.trim().toUpperCase(),
            recipient_country: $("f-recipient").value.trim().toUpperCase(),
            date_from: $("f-from").value, date_to: $("f-to").value, text: $("f-text").value.trim()};
  }

  function error(target, e) {
    target.append(el("p", {class: "error"}, `خطأ · Error: ${e.message}`));
  }

  // ---- statistics ----
  async function loadStats() {
    const box = $("stats");
    try {
      const s = await api("/api/stats");
      const stat = (value, ar, en) => el("div", {class: "stat"}, el("b", {}, String(value ?? 0)), ar, " ", el("span", {class: "en"}, en));
      clear(box).append(el("div", {class: "stats"},
        stat(s.documents, "وثيقة", "documents"), stat(s.events, "حدث", "events"),
        stat(s.quotes, "اقتباس", "quotes"), stat(s.entities, "كيان", "entities"),
        stat(`${s.first_date || "—"} … ${s.last_date || "—"}`, "الفترة", "date range")));
    } catch (e) { error(clear(box), e); }
  }

  // ---- events table ----
  function actorsCell(list) {
    const cell = el("td", {});
    (list || []).forEach((a, i) => {
      if (i) cell.append(" + ");
      const code = [a.country, a.sector].filter(Boolean).join("/");
      cell.append(el("span", {class: "actor"}, a.name || "—"), code ? el("span", {class: "code", dir: "ltr"}, code) : "");
    });
    if (!cell.childNodes.length) cell.append("—");
    return cell;
  }

  function evidenceCell(text, trigger) {
    const cell = el("td", {class: "evidence"});
    const at = trigger ? text.indexOf(trigger) : -1;
    if (at < 0) cell.append(text || trigger);
    else cell.append(text.slice(0, at), el("mark", {class: "trigger"}, trigger), text.slice(at + trigger.length));
    return cell;
  }

  function eventRow(ev) {
    return el("tr", {dataset: {event: ev.event_id || ""}},
      el("td", {dir: "ltr"}, ev.date || ev.doc_date || "—"),
      el("td", {}, eventType(ev.type)),
      actorsCell(ev.actors), actorsCell(ev.recipients),
      el("td", {}, status(ev.status)),
      el("td", {dir: "ltr"}, ev.goldstein === null || ev.goldstein === undefined ? "—" : String(ev.goldstein)),
      evidenceCell(ev.evidence || "", ev.trigger || ""),
      el("td", {}, el("a", {href: `/?doc=${encodeURIComponent(ev.doc_id)}`}, ev.doc_id)));
  }

  async function loadEvents() {
    const body = clear(document.querySelector("#events-table tbody"));
    try {
      const page = await api(`/api/events?${query({...state.filters, sort: state.sort, order: state.order,
                                                    limit: PAGE, offset: state.offset})}`);
      state.total = page.total;
      page.items.forEach((ev) => body.append(eventRow(ev)));
      if (!page.items.length) body.append(el("tr", {}, el("td", {colspan: 8, class: "muted"}, "لا نتائج · no events")));
      const last = Math.min(state.offset + page.items.length, page.total);
      $("page-info").textContent = `${page.total ? state.offset + 1 : 0}–${last} / ${page.total}`;
      $("prev").disabled = state.offset === 0;
      $("next").disabled = last >= page.total;
    } catch (e) {
      body.append(el("tr", {}, el("td", {colspan: 8, class: "error"}, `خطأ · Error: ${e.message}`)));
    }
    document.querySelectorAll("th.sortable").forEach((th) => {
      if (th.dataset.sort === state.sort) th.setAttribute("aria-sort", state.order === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  // ---- charts ----
  const LAYOUT = {margin: {t: 10, r: 10, b: 40, l: 60}, font: {family: "DejaVu Sans, sans-serif", size: 12},
                  legend: {orientation: "h", y: -0.2}, paper_bgcolor: "#fff", plot_bgcolor: "#fff"};
  const CONFIG = {displaylogo: false, responsive: true};

  function typeColor(type) {
    const i = COOPERATION.indexOf(type);
    if (i >= 0) return `hsl(${150 - i * 9}, 55%, ${38 + i * 5}%)`;
    const j = Object.keys(EVENT_TYPES).indexOf(type) - COOPERATION.length;
    return `hsl(${45 - j * 5}, 80%, ${62 - j * 3}%)`;
  }

  async function loadTimeline() {
    const box = $("timeline");
    try {
      const {items} = await api(`/api/stats/timeline?${query(state.filters)}`);
      const byType = new Map();
      for (const row of items) {
        if (!isDay(row.date) || !isType(row.type)) continue;
        if (!byType.has(row.type)) byType.set(row.type, {x: [], y: []});
        byType.get(row.type).x.push(row.date);
        byType.get(row.type).y.push(row.count);
      }
      const traces = [...byType].map(([type, d]) => ({type: "bar", name: `${type} ${EVENT_TYPES[type]}`, x: d.x, y: d.y,
                                                        marker: {color: typeColor(type)}}));
      Plotly.react(box, traces, {...LAYOUT, barmode: "stack", xaxis: {type: "date"}, yaxis: {title: {text: "events"}},
                                 annotations: traces.length ? [] : [noData()]}, CONFIG);
    } catch (e) { error(clear(box), e); }
  }

  function noData(text) {
    return {text: text || "no data · لا بيانات", showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5};
  }

  async function loadPairs() {
    const box = $("pairs");
    try {
      const {items} = await api(`/api/stats/pairs?${query(state.filters)}`);
      const rows = items.filter((p) => isCode(p.actor_country) && isCode(p.recipient_country)).reverse();
      const labels = rows.map((p) => `${p.actor_country} → ${p.recipient_country}`);
      let traces, xaxis, note = null;
      if (rows.some((p) => typeof p.goldstein === "number")) {
        const g = rows.map((p) => (typeof p.goldstein === "number" ? p.goldstein : 0));
        traces = [{type: "bar", orientation: "h", y: labels, x: g, name: "mean Goldstein",
                   marker: {color: g.map((v) => (v >= 0 ? "#16a34a" : "#dc2626"))},
                   customdata: rows.map((p) => p.events), hovertemplate: "%{y}: %{x} (%{customdata} events)<extra></extra>"}];
        xaxis = {title: {text: "mean Goldstein (−10 conflict … +10 cooperation)"}, range: [-10, 10], zeroline: true};
      } else {
        traces = [
          {type: "bar", orientation: "h", y: labels, x: rows.map((p) => p.cooperation), name: "cooperation · تعاون", marker: {color: "#16a34a"}},
          {type: "bar", orientation: "h", y: labels, x: rows.map((p) => -p.conflict), name: "conflict · صراع", marker: {color: "#dc2626"}},
          {type: "bar", orientation: "h", y: labels, x: rows.map((p) => p.events - p.cooperation - p.conflict),
           name: "unclassified", marker: {color: "#cbd5e1"}}];
        xaxis = {title: {text: "events (conflict ← | → cooperation)"}, zeroline: true};
        if (rows.length) note = noData("no Goldstein scores in the records: counts by quad class");
      }
      Plotly.react(box, traces, {...LAYOUT, barmode: "relative", xaxis, margin: {...LAYOUT.margin, l: 110},
                                 annotations: rows.length ? (note ? [{...note, y: 1.05}] : []) : [noData()]}, CONFIG);
    } catch (e) { error(clear(box), e); }
  }

  // ---- quotes ----
  async function searchQuotes(event) {
    event.preventDefault();
    const list = clear($("quote-results"));
    const speaker = $("q-speaker").value.trim();
    if (!speaker) return;
    try {
      const page = await api(`/api/quotes?${query({speaker, limit: 50})}`);
      $("quote-info").textContent = `${page.items.length}${page.more ? "+" : ""} اقتباس · quotes`;
      for (const q of page.items)
        list.append(el("li", {class: "quote-item"},
          el("strong", {class: "speaker"}, q.speaker_name || q.speaker_text || "؟"), ": ",
          el("span", {class: "quote-text"}, q.direct ? `«${q.text || ""}»` : q.text || ""), " ",
          el("a", {href: `/?doc=${encodeURIComponent(q.doc_id)}`, class: "code"}, q.doc_id),
          el("span", {class: "code", dir: "ltr"}, q.doc_date || "")));
      if (!page.items.length) list.append(el("li", {class: "empty muted"}, "لا نتائج · no quotes"));
    } catch (e) { error(list, e); }
  }

  function refresh() {
    state.offset = 0;
    state.filters = readFilters();
    loadEvents();
    loadTimeline();
    loadPairs();
  }

  for (const [code, label] of Object.entries(EVENT_TYPES)) $("f-type").append(el("option", {value: code}, `${label} ${code}`));
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  document.querySelectorAll("th.sortable").forEach((th) => th.addEventListener("click", () => {
    state.order = state.sort === th.dataset.sort && state.order === "desc" ? "asc" : "desc";
    state.sort = th.dataset.sort;
    state.offset = 0;
    loadEvents();
  }));
  $("quote-search").addEventListener("submit", searchQuotes);
  loadStats();
  refresh();
})();

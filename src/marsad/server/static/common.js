// Shared helpers. Every piece of data reaches the page through text nodes and
// setAttribute (no HTML parsing of data), so article text cannot inject markup or script.
"use strict";

const Marsad = (() => {
  const ENTITY_TYPES = {PER: "شخص · person", ORG: "منظمة · organization", GPE: "دولة/مدينة · GPE",
                        LOC: "مكان · location", FAC: "منشأة · facility"};
  const EVENT_TYPES = {
    AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون",
    AID: "مساعدة", RETREAT: "تراجع", REQUEST: "مطالبة", ACCUSE: "اتهام", REJECT: "رفض",
    THREATEN: "تهديد", PROTEST: "احتجاج", SANCTION: "عقوبة", MOBILIZE: "تعبئة",
    COERCE: "إكراه", ASSAULT: "اعتداء"};
  const STATUS = {asserted: "مؤكد", reported: "منقول", planned: "مخطط", negated: "منفي",
                  hypothetical: "افتراضي"};

  // el("li", {class: "x", dataset: {event: "V1"}}, "text", childNode, ...)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) throw new Error("no inline handlers");
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  // Arabic label with its English code: "تشاور CONSULT"
  function bilingual(arabic, code, cls) {
    return el("span", {class: cls || "label"}, arabic || "", arabic ? " " : "",
              el("span", {class: "en code", dir: "ltr"}, code));
  }

  function eventType(type) {
    return bilingual(EVENT_TYPES[type], type, `ev-type ev-${type}`);
  }

  function status(value) {
    return bilingual(STATUS[value], value, `status status-${value}`);
  }

  function actorText(actor, names) {
    const name = (actor.entity && names && names[actor.entity]) || actor.text || "?";
    const code = [actor.country, actor.sector].filter(Boolean).join("/");
    return el("span", {class: "actor", dataset: actor.entity ? {entity: actor.entity} : {}},
              name, code ? el("span", {class: "code", dir: "ltr"}, code) : null);
  }

  function actorList(actors, names) {
    if (!actors || !actors.length) return el("span", {class: "actor none"}, "—");
    const out = el("span", {class: "actors"});
    actors.forEach((a, i) => { if (i) out.append(" + "); out.append(actorText(a, names)); });
    return out;
  }

  async function api(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && typeof body.error === "string" ? body.error : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return body;
  }

  return {ENTITY_TYPES, EVENT_TYPES, STATUS, el, append, clear, bilingual, eventType, status,
          actorText, actorList, api};
})();

// Renders Slack mrkdwn and Block Kit into DOM nodes. Text is escaped before any markup is added.
"use strict";
const BlockKit = (() => {
  const esc = s => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const decode = s => String(s ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const edge = "(^|[\\s(])", end = "(?=$|[\\s.,!?:;)])";
  const styles = [
    [new RegExp(edge + "\\*([^*\\n]+)\\*" + end, "g"), "$1<b>$2</b>"],
    [new RegExp(edge + "_([^_\\n]+)_" + end, "g"), "$1<i>$2</i>"],
    [new RegExp(edge + "~([^~\\n]+)~" + end, "g"), "$1<s>$2</s>"],
  ];

  function formatPlain(segment) {
    let html = esc(decode(segment)).replace(/`([^`\n]+)`/g, "<code>$1</code>");
    for (const [pattern, replacement] of styles) html = html.replace(pattern, replacement);
    return html;
  }

  function token(inner, names) {
    const [target, label] = inner.split("|", 2);
    if (target.startsWith("@")) return `<span class="mention">@${esc(names(target.slice(1)) ?? label ?? target.slice(1))}</span>`;
    if (target.startsWith("#")) return `<span class="mention">#${esc(label ?? target.slice(1))}</span>`;
    if (target.startsWith("!date^")) return esc(decode(label ?? ""));
    if (target.startsWith("!")) return `<span class="mention">@${esc(target.slice(1))}</span>`;
    const url = decode(target);
    if (!/^(https?:|mailto:)/i.test(url)) return esc(decode(label ?? target));
    return `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(decode(label ?? url))}</a>`;
  }

  function mrkdwn(text, names) {
    const parts = [];
    const pattern = /<([^<>]+)>/g;
    let last = 0, match;
    while ((match = pattern.exec(text))) {
      parts.push(formatPlain(text.slice(last, match.index)), token(match[1], names));
      last = pattern.lastIndex;
    }
    parts.push(formatPlain(text.slice(last)));
    // Slack shows lines starting with "> " (sent as "&gt; ") as a block quote.
    return parts.join("").split("\n")
      .map(line => line.match(/^(?:&amp;)?&gt;\s?(.*)$/) ? `<span class="bk-quote">${line.replace(/^(?:&amp;)?&gt;\s?/, "")}</span>` : line)
      .join("<br>");
  }

  function textHtml(obj, names) {
    if (!obj) return "";
    return obj.type === "mrkdwn" ? mrkdwn(obj.text ?? "", names) : esc(obj.text).replace(/\n/g, "<br>");
  }

  function el(tag, cls, html) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function button(element, block, onClick) {
    const b = el("button", "bk-button" + (element.style ? " " + element.style : ""), esc(element.text?.text ?? ""));
    b.type = "button";
    b.dataset.blockId = block.block_id ?? "";
    b.dataset.actionId = element.action_id ?? "";
    if (element.accessibility_label) b.setAttribute("aria-label", element.accessibility_label);
    b.addEventListener("click", () => onClick(block, element));
    return b;
  }

  function unsupported(kind) { return el("div", "bk-unsupported", `[${esc(kind)} is not shown in the local workspace]`); }

  function element(elementJson, block, ctx) {
    switch (elementJson.type) {
      case "button": return button(elementJson, block, ctx.onClick);
      case "image": { const img = el("img", "bk-image"); img.src = elementJson.image_url; img.alt = elementJson.alt_text ?? ""; return img; }
      case "mrkdwn": case "plain_text": return el("span", "", textHtml(elementJson, ctx.names));
      default: return unsupported(elementJson.type);
    }
  }

  function block(b, ctx) {
    switch (b.type) {
      case "header": return el("div", "bk-header", esc(b.text?.text));
      case "divider": return el("hr", "bk-divider");
      case "section": {
        const node = el("div", "bk-section");
        const main = el("div", "bk-section-main");
        if (b.text) main.appendChild(el("div", "bk-text", textHtml(b.text, ctx.names)));
        if (b.fields?.length) {
          const grid = el("div", "bk-fields");
          for (const f of b.fields) grid.appendChild(el("div", "bk-field", textHtml(f, ctx.names)));
          main.appendChild(grid);
        }
        node.appendChild(main);
        if (b.accessory) node.appendChild(element(b.accessory, b, ctx));
        return node;
      }
      case "context": {
        const node = el("div", "bk-context");
        for (const e of b.elements ?? []) node.appendChild(element(e, b, ctx));
        return node;
      }
      case "actions": {
        const node = el("div", "bk-actions");
        for (const e of b.elements ?? []) node.appendChild(element(e, b, ctx));
        return node;
      }
      case "image": { const img = el("img", "bk-image"); img.src = b.image_url; img.alt = b.alt_text ?? ""; return img; }
      case "markdown": return el("div", "bk-text", mrkdwn(b.text ?? "", ctx.names));
      case "rich_text": {
        const text = (b.elements ?? []).flatMap(s => s.elements ?? []).map(e => e.text ?? (e.user_id ? `<@${e.user_id}>` : "")).join("");
        return el("div", "bk-text", mrkdwn(text, ctx.names));
      }
      default: return unsupported(`${b.type} block`);
    }
  }

  function blocks(list, ctx) {
    const frag = document.createDocumentFragment();
    for (const b of list ?? []) frag.appendChild(block(b, ctx));
    return frag;
  }

  return { blocks, mrkdwn, esc };
})();

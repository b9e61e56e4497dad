// The local workspace UI: long-polls /ui/state and turns clicks and typing into /ui calls; the server speaks Slack to CoachBot.
"use strict";
const $ = id => document.getElementById(id);
const ui = { workspace: null, people: new Map(), as: null, channel: null, tab: "messages", snapshot: null, poll: null, showLog: false };

async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}

const nameOf = id => id === ui.workspace?.bot.userId ? ui.workspace.bot.name : ui.people.get(id)?.name;
const dmOf = userId => "D" + userId.slice(1);
const me = () => ui.people.get(ui.as);

async function start() {
  ui.workspace = await api("GET", "/ui/workspace");
  for (const p of ui.workspace.people) ui.people.set(p.userId, p);
  $("team-name").textContent = ui.workspace.team.name;
  for (const p of ui.workspace.people) $("who").add(new Option(`${p.name} (${p.role})`, p.userId));
  const requested = new URLSearchParams(location.search).get("as");
  actAs(ui.people.has(requested) ? requested : ui.workspace.people.find(p => p.role === "rep").userId);
  $("who").addEventListener("change", e => actAs(e.target.value));
  $("composer").addEventListener("submit", e => { e.preventDefault(); send(); });
  $("box").addEventListener("keydown", e => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); send(); } });
  for (const tab of $("conv-tabs").querySelectorAll("button")) tab.addEventListener("click", () => openTab(tab.dataset.tab));
  $("add-member-button").addEventListener("click", addMember);
  $("toggle-log").addEventListener("click", () => { ui.showLog = !ui.showLog; render(); });
  // The tour stays until hidden; a hidden tour stays hidden in this browser.
  $("tour").hidden = localStorage.getItem("coachbot-tour") === "hidden";
  $("tour-hide").addEventListener("click", () => { localStorage.setItem("coachbot-tour", "hidden"); $("tour").hidden = true; });
  const firstRep = ui.workspace.people.find(p => p.role === "rep"), firstManager = ui.workspace.people.find(p => p.role === "manager" && p.userId === firstRep?.manager);
  if (firstRep) document.querySelector("[data-tour=rep]").textContent = firstRep.name;
  if (firstManager) document.querySelector("[data-tour=manager]").textContent = firstManager.name;
  $("nudge-now").addEventListener("click", () => clock("POST", `/ui/nudge-now?user=${encodeURIComponent(ui.as)}`, `Next nudge for ${me().name} is due now.`));
  $("advance-hour").addEventListener("click", () => clock("POST", "/ui/clock/advance?minutes=60", "Moved CoachBot's clock forward 1 hour."));
  $("advance-day").addEventListener("click", () => clock("POST", "/ui/clock/advance?minutes=1440", "Moved CoachBot's clock forward 1 day."));
  clock("GET", "/ui/clock");
}

function actAs(userId) {
  ui.as = userId;
  ui.channel = dmOf(userId);
  ui.tab = "messages";
  ui.snapshot = null;
  $("who").value = userId;
  history.replaceState(null, "", `?as=${userId}`);
  ui.poll?.abort();
  poll();
}

async function poll() {
  const controller = new AbortController();
  ui.poll = controller;
  let since = null;
  while (!controller.signal.aborted) {
    try {
      const query = `/ui/state?as=${encodeURIComponent(ui.as)}` + (since === null ? "" : `&since=${since}`);
      const response = await fetch(query, { signal: controller.signal });
      const snapshot = await response.json();
      if (controller.signal.aborted) return;
      since = snapshot.version;
      ui.snapshot = snapshot;
      render();
    } catch (e) {
      if (controller.signal.aborted) return;
      await new Promise(r => setTimeout(r, 1000));
    }
  }
}

function render() {
  const snapshot = ui.snapshot;
  if (!snapshot) return;
  renderSidebar(snapshot);
  $("notice").hidden = !snapshot.notice;
  $("notice").textContent = snapshot.notice ?? "";
  const conversation = snapshot.conversations.find(c => c.id === ui.channel) ?? snapshot.conversations.find(c => c.id === dmOf(ui.as));
  ui.channel = conversation.id;
  const isDm = conversation.kind === "im";
  $("conv-title").textContent = isDm ? ui.workspace.bot.name : conversation.name;
  $("conv-title").classList.toggle("private", !isDm);
  $("conv-tabs").hidden = !isDm;
  for (const tab of $("conv-tabs").querySelectorAll("button")) tab.classList.toggle("active", tab.dataset.tab === ui.tab);
  $("conv-members").hidden = isDm;
  if (!isDm) renderMembers(conversation);
  const home = isDm && ui.tab === "home";
  $("home").hidden = !home;
  $("messages").hidden = home;
  $("composer").hidden = home;
  $("box").placeholder = isDm ? `Message ${ui.workspace.bot.name}` : `Message #${conversation.name}`;
  if (home) renderHome(snapshot.home); else renderMessages(conversation);
  $("log").hidden = !ui.showLog;
  if (ui.showLog) renderLog(snapshot.log);
  $("nudge-now").disabled = me().role !== "rep";
  $("nudge-now").title = me().role === "rep" ? "" : "Act as a rep to receive nudges";
}

function renderSidebar(snapshot) {
  const channels = $("channels");
  channels.replaceChildren(...snapshot.conversations.filter(c => c.kind !== "im").map(c =>
    item(c.name, c.id === ui.channel, () => { ui.channel = c.id; render(); }, { channelId: c.id }, "private")));
  if (!channels.children.length) channels.appendChild(Object.assign(document.createElement("li"), { className: "sub", textContent: "(none you are in)" }));
  $("apps").replaceChildren(item(`● ${ui.workspace.bot.name}`, ui.channel === dmOf(ui.as), () => { ui.channel = dmOf(ui.as); render(); }, { channelId: dmOf(ui.as) }));
  $("people").replaceChildren(...ui.workspace.people.map(p => {
    const li = item("", p.userId === ui.as, () => actAs(p.userId), { userId: p.userId });
    li.classList.add("person");
    const detail = p.role === "rep" ? `${p.style} · ${p.race} · ${p.timeZone}` : `${p.title} · ${p.timeZone}`;
    li.innerHTML = `<span>${BlockKit.esc(p.name)}<span class="tag ${p.role}">${p.role}</span></span><span class="sub">${BlockKit.esc(detail)}</span>`;
    return li;
  }));
}

function item(text, active, onClick, data, cls) {
  const li = document.createElement("li");
  li.textContent = text;
  if (cls) li.classList.add(cls);
  li.classList.toggle("active", active);
  Object.assign(li.dataset, data);
  li.addEventListener("click", onClick);
  return li;
}

function renderMembers(conversation) {
  $("member-count").textContent = `${conversation.members.length} members`;
  const add = $("add-member");
  const candidates = ui.workspace.people.filter(p => !conversation.members.includes(p.userId));
  const choices = [...candidates.map(p => [p.userId, p.name])];
  if (!conversation.members.includes(ui.workspace.bot.userId)) choices.unshift([ui.workspace.bot.userId, ui.workspace.bot.name]);
  const current = add.value;
  add.replaceChildren(new Option("Add people…", ""), ...choices.map(([id, name]) => new Option(name, id)));
  add.value = choices.some(([id]) => id === current) ? current : "";
}

function renderMessages(conversation) {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  if (!conversation.messages.length) {
    box.replaceChildren(Object.assign(document.createElement("div"), { className: "empty", textContent: "No messages yet." }));
    return;
  }
  box.replaceChildren(...conversation.messages.map(m => message(m, conversation)));
  if (atBottom || box.dataset.channel !== conversation.id) box.scrollTop = box.scrollHeight;
  box.dataset.channel = conversation.id;
}

function message(m, conversation) {
  const node = document.createElement("div");
  node.className = "msg" + (m.ephemeral ? " ephemeral" : "");
  Object.assign(node.dataset, { ts: m.ts, revision: m.revision, user: m.user ?? "slackbot" });
  const name = m.user ? nameOf(m.user) ?? m.user : "Slackbot";
  const avatar = document.createElement("div");
  avatar.className = "avatar" + (m.fromBot ? " bot" : m.user ? "" : " slackbot");
  avatar.textContent = name[0];
  const body = document.createElement("div");
  body.className = "msg-body";
  const time = new Date(parseFloat(m.ts) * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  body.innerHTML = (m.ephemeral ? `<span class="only-you">Only visible to you</span>` : "") +
    `<div class="msg-meta"><span class="name">${BlockKit.esc(name)}</span>${m.fromBot ? '<span class="app-badge">APP</span>' : ""}` +
    `<span class="time">${time}</span>${m.edited ? ' <span class="edited">(edited)</span>' : ""}</div>`;
  const ctx = { names: nameOf, onClick: (block, element) => click(conversation.id, m.ts, block, element) };
  if (m.blocks?.length) {
    const content = document.createElement("div");
    content.className = "msg-blocks";
    content.appendChild(BlockKit.blocks(m.blocks, ctx));
    body.appendChild(content);
  } else {
    body.appendChild(Object.assign(document.createElement("div"), { className: "msg-text", innerHTML: BlockKit.mrkdwn(m.text ?? "", nameOf) }));
  }
  node.append(avatar, body);
  return node;
}

function renderHome(view) {
  const home = $("home");
  if (!view) {
    home.replaceChildren(Object.assign(document.createElement("div"), { className: "empty", textContent: `${ui.workspace.bot.name} has not published a Home tab for you yet.` }));
    return;
  }
  home.replaceChildren(BlockKit.blocks(view.blocks, { names: nameOf, onClick: (block, element) => click("home", null, block, element) }));
}

function renderLog(entries) {
  $("log-entries").replaceChildren(...entries.slice().reverse().map(e => {
    const li = document.createElement("li");
    const at = new Date(e.at).toLocaleTimeString();
    li.textContent = `${at} ${e.direction === "out" ? "→" : "←"} ${e.what}: ${e.outcome}`;
    return li;
  }));
}

async function send() {
  const text = $("box").value;
  if (!text.trim()) return;
  $("box").value = "";
  try { await api("POST", "/ui/messages", { as: ui.as, channel: ui.channel, text }); }
  catch (e) { $("box").value = text; alert(`Could not send: ${e.message}`); }
}

async function click(channel, ts, block, element) {
  if (element.confirm && !(await confirmDialog(element.confirm))) return;
  if (element.url) window.open(element.url, "_blank", "noopener");
  try { await api("POST", "/ui/actions", { as: ui.as, channel, ts, blockId: block.block_id, actionId: element.action_id }); }
  catch (e) { alert(`Click failed: ${e.message}`); }
}

function confirmDialog(confirm) {
  return new Promise(resolve => {
    $("confirm-title").textContent = confirm.title?.text ?? "Are you sure?";
    $("confirm-text").innerHTML = confirm.text?.type === "mrkdwn" ? BlockKit.mrkdwn(confirm.text.text ?? "", nameOf) : BlockKit.esc(confirm.text?.text);
    $("confirm-ok").textContent = confirm.confirm?.text ?? "Yes";
    $("confirm-deny").textContent = confirm.deny?.text ?? "Cancel";
    $("confirm").hidden = false;
    const done = answer => { $("confirm").hidden = true; resolve(answer); };
    $("confirm-ok").onclick = () => done(true);
    $("confirm-deny").onclick = () => done(false);
  });
}

async function openTab(tab) {
  ui.tab = tab;
  render();
  try { await api("POST", "/ui/tabs", { as: ui.as, tab }); } catch (e) { /* shown in the protocol log */ }
}

async function addMember() {
  const user = $("add-member").value;
  if (!user) return;
  try { await api("POST", "/ui/members", { as: ui.as, channel: ui.channel, user }); }
  catch (e) { alert(`Could not add: ${e.message}`); }
}

async function clock(method, path, done) {
  try {
    const result = await api(method, path);
    if (result.now) $("clock-now").textContent = `CoachBot time: ${new Date(result.now).toUTCString()}` + (result.offsetMinutes ? ` (+${formatOffset(result.offsetMinutes)})` : "");
    if (done) $("clock-status").textContent = result.message || done;
    if (method !== "GET" && !result.now) clock("GET", "/ui/clock");
  } catch (e) {
    $("clock-now").textContent = "CoachBot demo mode is not reachable";
    $("clock-status").textContent = e.message;
  }
}

function formatOffset(minutes) {
  const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), rest = minutes % 60;
  return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(" ");
}

start();

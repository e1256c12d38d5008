// The page itself: who is logged in, their cases, a home visit recorded and corrected, and their
// notifications as they come. Everything shown is set as text, never as HTML.

import { configure, login, completeLogin, logout } from "./auth.js";
import { call, idempotencyKey, useServices } from "./api.js";
import { follow } from "./stream.js";

const $ = (id) => document.getElementById(id);
let me;
let visit; // the visit recorded here: { id, etag, key, body }

function show(error) {
  $("error").textContent = error.message;
  console.error(error);
}

async function start() {
  const config = await configure();
  useServices(config.services);
  if (!(await completeLogin())) {
    $("login").hidden = false;
    $("login").onclick = () => login().catch(show);
    return;
  }
  me = (await call("case", "/me")).body;
  $("me").textContent = `${me.username} · ${me.centerId}`;
  $("me").dataset.userId = me.userId;
  $("logout").hidden = false;
  $("logout").onclick = logout;
  $("app").hidden = false;
  $("record").onclick = () => record(idempotencyKey()).catch(show);
  $("record-again").onclick = () => record(visit.key).catch(show);
  $("correct").onclick = () => correct().catch(show);
  follow({
    state: (text) => { $("stream-state").textContent = text; },
    unread: (count) => { $("unread").textContent = count > 0 ? String(count) : ""; },
    notification: (n) => $("notifications").prepend(notificationItem(n)),
  }, new AbortController().signal);
  await listCases();
}

async function listCases() {
  const page = (await call("case", "/cases?assignedTo=me&limit=20")).body;
  $("cases").replaceChildren(...page.items.map((c) => {
    const row = document.createElement("tr");
    row.dataset.caseId = c.id;
    for (const text of [c.caseNumber, c.phase, c.status, c.id]) {
      row.insertCell().textContent = text;
    }
    return row;
  }));
  $("case").replaceChildren(...page.items.map((c) => new Option(c.caseNumber, c.id)));
}

/** POST /visits with an Idempotency-Key; sent again with the same key, the first answer comes back. */
async function record(key) {
  const body = visit?.key === key ? visit.body : {
    caseId: $("case").value, kind: "HOME", occurredAt: new Date().toISOString(),
    durationMinutes: Number($("minutes").value), outcome: "NOT_MET",
    visitors: [{ userId: me.userId, role: "STAFF" }],
    leftBehind: [{ kind: "LETTER", contents: "WHAT_I_CAN_DO" }],
  };
  const answer = await call("visit", "/visits", { method: "POST", body, headers: { "Idempotency-Key": key } });
  visit = { id: answer.body.id, etag: answer.etag, key, body };
  showVisit(answer, answer.replayed ? "replayed" : String(answer.status));
  $("record-again").disabled = false;
  $("correct").disabled = false;
}

/** PATCH /visits/{id} with If-Match: the ETag read from the last answer. */
async function correct() {
  const answer = await call("visit", `/visits/${visit.id}`, {
    method: "PATCH", body: { durationMinutes: Number($("correct-minutes").value) }, headers: { "If-Match": visit.etag },
  });
  visit.etag = answer.etag;
  showVisit(answer, String(answer.status));
}

function showVisit(answer, status) {
  $("visit").hidden = false;
  $("visit-id").textContent = answer.body.id;
  $("visit-minutes").textContent = answer.body.durationMinutes;
  $("visit-etag").textContent = answer.etag;
  $("visit-key").textContent = visit.key;
  $("visit-status").textContent = status;
}

function notificationItem(n) {
  const item = document.createElement("li");
  item.dataset.kind = n.kind;
  item.dataset.caseId = n.caseId ?? "";
  item.textContent = `${n.createdAt} ${n.kind}: ${n.title}`;
  return item;
}

start().catch(show);

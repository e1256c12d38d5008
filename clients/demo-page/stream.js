// The caller's notifications, live: GET /notifications/stream read with fetch, because the
// browser's EventSource cannot send an Authorization header. Server-sent events are parsed as the
// HTML standard says (event, data, id; a blank line ends one). When the stream ends (it does when
// the token expires) or breaks, it is opened again with a fresh token and Last-Event-ID, so that
// nothing sent in between is missed.

import { accessToken } from "./auth.js";
import { url } from "./api.js";

const RETRY_MS = 3000;

/** Follows the stream until `signal` aborts: `on.notification(n)`, `on.unread(count)`, `on.state(text)`. */
export async function follow(on, signal) {
  let lastEventId;
  while (!signal.aborted) {
    try {
      const response = await fetch(url("notification", "/notifications/stream"), {
        headers: {
          Authorization: `Bearer ${await accessToken()}`, Accept: "text/event-stream",
          ...(lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId }),
        },
        signal,
      });
      if (!response.ok) {
        throw new Error(`stream answered ${response.status}`);
      }
      on.state("connected");
      for await (const event of events(response.body)) {
        if (event.id !== undefined) {
          lastEventId = event.id;
        }
        if (event.type === "notification") {
          on.notification(JSON.parse(event.data));
        } else if (event.type === "unread-count") {
          on.unread(JSON.parse(event.data).unread);
        }
      }
      on.state("reconnecting");
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      on.state(`reconnecting (${error.message})`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** The events of a text/event-stream body, one at a time; comments (heartbeats) are skipped. */
async function* events(body) {
  const lines = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = { data: [] };
  for (;;) {
    const { value, done } = await lines.read();
    if (done) {
      return;
    }
    buffer += value;
    const complete = buffer.split(/\r?\n/); // the services end lines with \n
    buffer = complete.pop();
    for (const line of complete) {
      if (line === "") {
        if (event.data.length > 0) {
          yield { type: event.type ?? "message", data: event.data.join("\n"), id: event.id };
        }
        event = { data: [] };
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") {
        event.data.push(value);
      } else if (field === "event") {
        event.type = value;
      } else if (field === "id") {
        event.id = value;
      }
    }
  }
}

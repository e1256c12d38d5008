// Calls to Tsunagu's services from the browser (CORS): the bearer token on every call, JSON in and
// out, the headers the API exposes to browser code (ETag, Location, X-Request-Id) read back, and a
// problem+json answer turned into an error that says what was expected.

import { accessToken } from "./auth.js";

let services;

export function useServices(urls) {
  services = urls;
}

export class Problem extends Error {
  constructor(status, problem, requestId) {
    const violations = (problem.violations ?? []).map((v) => `${v.field}: ${v.message}`).join("; ");
    super(`${status} ${problem.title ?? ""}${problem.detail ? `: ${problem.detail}` : ""}${violations ? ` (${violations})` : ""}`);
    this.status = status;
    this.problem = problem;
    this.requestId = requestId;
  }
}

/** One call: `service` is case, visit or notification; answers { status, body, etag, location, replayed }. */
export async function call(service, path, { method = "GET", body, headers = {} } = {}) {
  const response = await fetch(services[service] + "/api/v1" + path, {
    method,
    headers: {
      Authorization: `Bearer ${await accessToken()}`,
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": method === "PATCH" ? "application/merge-patch+json" : "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get("Content-Type") ?? "";
  const answer = type.includes("json") ? await response.json() : undefined;
  if (!response.ok) {
    throw new Problem(response.status, answer ?? {}, response.headers.get("X-Request-Id"));
  }
  return {
    status: response.status, body: answer, etag: response.headers.get("ETag"), location: response.headers.get("Location"),
    replayed: response.headers.get("Idempotent-Replayed") === "true",
  };
}

/** A key for one intended write: sent again with a retry, the service answers the first result instead of writing twice. */
export const idempotencyKey = () => crypto.randomUUID();

export function url(service, path) {
  return services[service] + "/api/v1" + path;
}

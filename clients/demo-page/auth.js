// Login with the authorization code flow and PKCE (RFC 7636) on Keycloak, as any web app of
// Tsunagu's does: the realm's public client, no secret; tokens are kept in memory only (a reload
// logs in again), and refreshed shortly before they expire.

const PENDING = "tsunagu.login"; // the PKCE verifier and state between leaving for Keycloak and coming back
let config;
let tokens; // { access, refresh, expiresAt }

export async function configure() {
  config = await (await fetch("config.json")).json();
  return config;
}

const endpoint = (name) => `${config.issuer}/protocol/openid-connect/${name}`;
const redirectUri = () => window.location.origin + window.location.pathname;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** Leaves for Keycloak's login page with a fresh code challenge. */
export async function login() {
  const verifier = random();
  const state = random();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    client_id: config.clientId, response_type: "code", scope: "openid", redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: "S256",
  });
  window.location.assign(`${endpoint("auth")}?${query}`);
}

/** Back from Keycloak: the code, with the verifier, becomes tokens. False when this load is not a return. */
export async function completeLogin() {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? "null");
  if (!params.has("code") && !params.has("error")) {
    return false;
  }
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, "", redirectUri()); // the code is used once: not left in the address bar
  if (params.has("error")) {
    throw new Error(`login refused: ${params.get("error")}`);
  }
  if (!pending || params.get("state") !== pending.state) {
    throw new Error("login answer does not match the request (state)");
  }
  await tokenRequest({
    grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return true;
}

async function tokenRequest(form) {
  const response = await fetch(endpoint("token"), {
    method: "POST", body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  if (!response.ok) {
    tokens = undefined;
    throw new Error(`token endpoint answered ${response.status}`);
  }
  const answer = await response.json();
  tokens = { access: answer.access_token, refresh: answer.refresh_token, expiresAt: Date.now() + answer.expires_in * 1000 };
}

/** A valid access token, refreshed when less than 30 seconds of it are left. */
export async function accessToken() {
  if (!tokens) {
    throw new Error("not logged in");
  }
  if (tokens.expiresAt - Date.now() < 30_000) {
    await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh });
  }
  return tokens.access;
}

export function logout() {
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  tokens = undefined;
  window.location.assign(`${endpoint("logout")}?${query}`);
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database";
import type { DatabaseHandle } from "../db/client";
import { loadConfig } from "../platform/config";
import { createAuth, oidcProviderId } from "./auth";

// Sign-in through a generic OpenID Connect provider, switched on by configuration alone. A small
// provider runs in the test (discovery, token and userinfo endpoints); the platform is driven
// through better-auth's HTTP handler, as the sign-in page does.

const baseUrl = "http://localhost:3000";

function startProvider(person: { sub: string; email: string; name: string }) {
  const seen: { tokenRequest?: URLSearchParams } = {};
  const server: Server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") {
      return json({
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        userinfo_endpoint: `${origin}/userinfo`,
        jwks_uri: `${origin}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (req.url === "/token" && req.method === "POST") {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.tokenRequest = new URLSearchParams(body);
        json({ access_token: "access-token-1", token_type: "Bearer", expires_in: 300 });
      });
      return;
    }
    if (req.url === "/userinfo") return json({ ...person, email_verified: true });
    res.writeHead(404).end();
  });
  return new Promise<{ server: Server; origin: string; seen: typeof seen }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
      });
    });
  });
}

function authFor(handle: DatabaseHandle, origin: string) {
  const config = loadConfig({
    BASE_URL: baseUrl,
    OIDC_DISCOVERY_URL: `${origin}/.well-known/openid-configuration`,
    OIDC_CLIENT_ID: "innovet-test",
    OIDC_CLIENT_SECRET: "client-secret",
  });
  return createAuth({ db: handle.db, config });
}

async function signInThroughProvider(auth: ReturnType<typeof createAuth>) {
  const start = await auth.handler(
    new Request(`${baseUrl}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({
        provider: oidcProviderId,
        callbackURL: "/mijn",
        errorCallbackURL: "/aanmelden",
      }),
    }),
  );
  expect(start.status).toBe(200);
  const { url } = (await start.json()) as { url: string };
  const authorize = new URL(url);
  const cookies = start.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  // The provider would now show its own sign-in page and send the browser back with a code.
  const callback = await auth.handler(
    new Request(
      `${baseUrl}/api/auth/callback/${oidcProviderId}?code=code-1&state=${encodeURIComponent(authorize.searchParams.get("state") ?? "")}`,
      { headers: { cookie: cookies } },
    ),
  );
  return { authorize, callback };
}

describe("OpenID Connect sign-in", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase("demo");
  });
  afterAll(async () => handle?.close());

  it("is off without configuration", async () => {
    const auth = createAuth({
      db: handle.db,
      config: loadConfig({ BASE_URL: baseUrl }),
    });
    const response = await auth.handler(
      new Request(`${baseUrl}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl },
        body: JSON.stringify({ provider: oidcProviderId, callbackURL: "/mijn" }),
      }),
    );
    expect(response.ok).toBe(false);
  });

  it("signs in a person an administrator created, with PKCE, and links the account", async () => {
    const provider = await startProvider({
      sub: "idp-123",
      email: "coordinator@demo.innovet.test",
      name: "Bram",
    });
    try {
      const auth = authFor(handle, provider.origin);
      const { authorize, callback } = await signInThroughProvider(auth);
      expect(authorize.origin + authorize.pathname).toBe(`${provider.origin}/authorize`);
      expect(authorize.searchParams.get("client_id")).toBe("innovet-test");
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("scope")).toContain("openid");
      expect(callback.status).toBe(302);
      expect(callback.headers.get("location")).toContain("/mijn");
      expect(callback.headers.getSetCookie().join(";")).toContain("session_token");
      expect(provider.seen.tokenRequest?.get("code_verifier")).toBeTruthy();
    } finally {
      provider.server.close();
    }
  });

  it("refuses someone the platform does not know: no account is created", async () => {
    const provider = await startProvider({
      sub: "idp-999",
      email: "onbekend@example.be",
      name: "Onbekend",
    });
    try {
      const auth = authFor(handle, provider.origin);
      const { callback } = await signInThroughProvider(auth);
      expect(callback.status).toBe(302);
      expect(callback.headers.get("location")).toContain("error=");
      expect(callback.headers.getSetCookie().join(";")).not.toContain("session_token=");
    } finally {
      provider.server.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const realSecret = "a-real-secret-of-more-than-32-characters-0123456789";

describe("configuration", () => {
  it("defaults to embedded PGlite on 127.0.0.1:3000 with mail captured", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PGLITE_DIR).toBe("./data/pglite");
    expect(c.HOST).toBe("127.0.0.1");
    expect(c.PORT).toBe(3000);
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.oidc).toBeNull();
    expect(c.secureCookies).toBe(false);
  });

  it("polls for scheduled jobs every 30 s, except under test unless asked", () => {
    expect(loadConfig({}).JOB_POLL_INTERVAL_MS).toBe(30_000);
    expect(loadConfig({ NODE_ENV: "test" }).JOB_POLL_INTERVAL_MS).toBe(0);
    expect(loadConfig({ NODE_ENV: "test", JOB_POLL_INTERVAL_MS: "500" }).JOB_POLL_INTERVAL_MS).toBe(
      500,
    );
    expect(loadConfig({ JOB_POLL_INTERVAL_MS: "0" }).JOB_POLL_INTERVAL_MS).toBe(0);
    expect(() => loadConfig({ JOB_POLL_INTERVAL_MS: "-1" })).toThrow(/JOB_POLL_INTERVAL_MS/);
  });

  it("refuses to start in production without a real secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET/,
    );
    expect(loadConfig({ NODE_ENV: "production", AUTH_SECRET: realSecret }).NODE_ENV).toBe(
      "production",
    );
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ PORT: "70000" }, /PORT/],
    [{ BASE_URL: "not a url" }, /BASE_URL/],
    [{ SIGN_IN_RATE_LIMIT: "0" }, /SIGN_IN_RATE_LIMIT/],
    [{ SIGN_IN_ACCOUNT_FAILURES: "0" }, /SIGN_IN_ACCOUNT_FAILURES/],
    [{ SIGN_IN_ADDRESS_FAILURES: "many" }, /SIGN_IN_ADDRESS_FAILURES/],
    [{ PASSWORD_RESET_ACCOUNT_LIMIT: "0" }, /PASSWORD_RESET_ACCOUNT_LIMIT/],
    [{ AUTH_FAILURE_WINDOW_MINUTES: "0" }, /AUTH_FAILURE_WINDOW_MINUTES/],
    [{ FILE_STORE: "ftp" }, /FILE_STORE/],
    [{ S3_ENDPOINT: "ftp://files.example" }, /S3_ENDPOINT/],
    [{ S3_BUCKET: "Not_A_Bucket" }, /S3_BUCKET/],
    [{ S3_PREFIX: "../elsewhere/" }, /S3_PREFIX/],
    [{ S3_PREFIX: "/innovet/" }, /S3_PREFIX/],
  ])("names the variable that is wrong: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("switches OIDC on only when discovery URL, client id and secret are all set", () => {
    const partial = loadConfig({
      OIDC_DISCOVERY_URL: "https://idp.example/.well-known/openid-configuration",
    });
    expect(partial.oidc).toBeNull();
    const full = loadConfig({
      OIDC_DISCOVERY_URL: "https://idp.example/.well-known/openid-configuration",
      OIDC_CLIENT_ID: "innovet",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(full.oidc?.clientId).toBe("innovet");
  });

  it("keeps files in a local folder unless FILE_STORE=s3 names a bucket", () => {
    expect(loadConfig({}).fileStore).toEqual({ kind: "local", directory: "./data/files" });
    expect(
      loadConfig({
        FILE_STORE: "s3",
        S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com",
        S3_BUCKET: "innovet-files",
        S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
        S3_SECRET_ACCESS_KEY: "secret-example",
        S3_PREFIX: "innovet/files/",
        S3_FORCE_PATH_STYLE: "false",
      }).fileStore,
    ).toEqual({
      kind: "s3",
      endpoint: "https://s3.eu-west-1.amazonaws.com",
      bucket: "innovet-files",
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret-example",
      prefix: "innovet/files/",
      forcePathStyle: false,
    });
  });

  it("names every S3 variable that FILE_STORE=s3 misses", () => {
    const attempt = () =>
      loadConfig({
        FILE_STORE: "s3",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "",
        S3_SECRET_ACCESS_KEY: "secret-example",
      });
    expect(attempt).toThrow(/S3_BUCKET: required when FILE_STORE=s3/);
    expect(attempt).toThrow(/S3_ACCESS_KEY_ID: required when FILE_STORE=s3/);
    expect(attempt).not.toThrow(/S3_ENDPOINT|S3_SECRET_ACCESS_KEY/);
  });

  it("uses Secure cookies when the platform is served over https", () => {
    expect(loadConfig({ BASE_URL: "https://innovet.vlaanderen.be" }).secureCookies).toBe(true);
  });
});

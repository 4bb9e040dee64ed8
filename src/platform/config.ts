import { z } from "zod";
import { s3BucketPattern, s3PrefixPattern } from "./files/s3-file-store";

// All configuration comes from environment variables, validated once. Production refuses to
// start with a missing or development secret (issue 2, item 8).

const DEVELOPMENT_SECRET = "development-secret-do-not-use-in-production-0000";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgres://… selects a PostgreSQL server; otherwise embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  PGLITE_DIR: z.string().default("./data/pglite"),
  BASE_URL: z.url().default("http://localhost:3000"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32).default(DEVELOPMENT_SECRET),
  /** smtp://user:pass@host:port; without it mail is captured in MAIL_CAPTURE_DIR. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("InnoVET <no-reply@innovet.localhost>"),
  MAIL_CAPTURE_DIR: z.string().default("./data/mail"),
  /** The library's contact for harvesters, shown by the OAI-PMH Identify verb. */
  OAI_ADMIN_EMAIL: z.email().default("bibliotheek@innovet.localhost"),
  /** The help desk the contact page, the accessibility statement and the privacy statement name. */
  CONTACT_EMAIL: z.email().default("helpdesk@innovet.localhost"),
  /** The data protection officer (functionaris voor gegevensbescherming) of the Department. */
  PRIVACY_OFFICER_EMAIL: z.email().default("privacy@innovet.localhost"),
  /** Generic OpenID Connect (e.g. the Flemish government's identity provider). */
  OIDC_DISCOVERY_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().default("Vlaamse overheid (ACM/IDM)"),
  /**
   * Requests per minute per address to the sign-in and password-reset endpoints, successful ones
   * included: only a flood guard, far above what a school behind one address sends at 8:30
   * (ADR 0022). Guessing is stopped by the failure limits below.
   */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** Failed sign-ins per account (e-mail address) per window; then the account waits. */
  SIGN_IN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins per client address per window, over all accounts (a school's NAT). */
  SIGN_IN_ADDRESS_FAILURES: z.coerce.number().int().min(1).default(500),
  /** Reset mails asked for, and reset links used, per account per window. */
  PASSWORD_RESET_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(3),
  /** The window of the failure and reset limits, in minutes. */
  AUTH_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Trust X-Forwarded-For from a reverse proxy in front of the app. */
  TRUST_PROXY: z.stringbool().default(false),
  /** How often each server process looks for due scheduled jobs (reminders); 0 switches it off. */
  JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(0).optional(),
  /** Where uploaded files are kept: a folder on local disk, or S3-compatible object storage. */
  FILE_STORE: z.enum(["local", "s3"]).default("local"),
  /** The folder of the local file store (ADR 0016). */
  FILE_STORE_DIR: z.string().default("./data/files"),
  /** The S3-compatible service, e.g. https://s3.eu-west-1.amazonaws.com (FILE_STORE=s3). */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(s3BucketPattern, "S3_BUCKET must be a bucket name (3-63 of a-z, 0-9, . and -)")
    .optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Put before every object's key, e.g. innovet/files/. */
  S3_PREFIX: z
    .string()
    .max(512)
    .regex(s3PrefixPattern, "S3_PREFIX may hold only A-Z, a-z, 0-9, . _ - and / between folders")
    .default(""),
  /** endpoint/bucket/key (true) or bucket.endpoint/key (false, virtual-hosted style). */
  S3_FORCE_PATH_STYLE: z.stringbool().default(true),
  /**
   * The largest attachment any call may allow, in bytes (10 MB as the pages count them, 1 MB =
   * 1,000,000 bytes); a call's form may set less (src/calls/attachment-limits.ts).
   */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1000 * 1000),
  /** The most attachments one application may have, whatever a call's form allows. */
  ATTACHMENT_MAX_COUNT: z.coerce.number().int().min(1).max(200).default(20),
  /** The largest file of a learning material, in bytes (100 MiB: room for a short video). */
  MATERIAL_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(100 * 1024 * 1024),
  /** The most files one version of a learning material may have. */
  MATERIAL_FILE_MAX_COUNT: z.coerce.number().int().min(1).max(500).default(50),
  /** The most a zip archive may unpack to, in bytes (500 MiB); beyond it it is an archive bomb. */
  MATERIAL_ZIP_MAX_UNCOMPRESSED: z.coerce
    .number()
    .int()
    .min(1024)
    .default(500 * 1024 * 1024),
});

/** Which file store the process uses, with what it needs (ADR 0016). */
export type FileStoreConfig =
  | { kind: "local"; directory: string }
  | {
      kind: "s3";
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      prefix: string;
      forcePathStyle: boolean;
    };

export type Config = Omit<z.infer<typeof schema>, "JOB_POLL_INTERVAL_MS"> & {
  /** 30000 by default; 0 (off) by default when NODE_ENV=test, where tests run the jobs themselves. */
  JOB_POLL_INTERVAL_MS: number;
  oidc: {
    discoveryUrl: string;
    clientId: string;
    clientSecret: string;
    displayName: string;
  } | null;
  secureCookies: boolean;
  fileStore: FileStoreConfig;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === "production" && c.AUTH_SECRET === DEVELOPMENT_SECRET) {
    throw new Error(
      "AUTH_SECRET is not set. In production the platform refuses to start without a real secret (at least 32 characters, e.g. `openssl rand -base64 48`).",
    );
  }
  const oidc =
    c.OIDC_DISCOVERY_URL && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
      ? {
          discoveryUrl: c.OIDC_DISCOVERY_URL,
          clientId: c.OIDC_CLIENT_ID,
          clientSecret: c.OIDC_CLIENT_SECRET,
          displayName: c.OIDC_DISPLAY_NAME,
        }
      : null;
  const fileStore = fileStoreConfig(c);
  return {
    ...c,
    oidc,
    fileStore,
    secureCookies: c.BASE_URL.startsWith("https://"),
    JOB_POLL_INTERVAL_MS: c.JOB_POLL_INTERVAL_MS ?? (c.NODE_ENV === "test" ? 0 : 30_000),
  };
}

/** The file store the variables choose; FILE_STORE=s3 needs its four S3 variables. */
function fileStoreConfig(c: z.infer<typeof schema>): FileStoreConfig {
  if (c.FILE_STORE === "local") return { kind: "local", directory: c.FILE_STORE_DIR };
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket } = c;
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = c;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    const missing = Object.entries({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    }).flatMap(([name, value]) => (value ? [] : [`${name}: required when FILE_STORE=s3`]));
    throw new Error(`Invalid configuration:\n  ${missing.join("\n  ")}`);
  }
  return {
    kind: "s3",
    endpoint,
    bucket,
    region: c.S3_REGION,
    accessKeyId,
    secretAccessKey,
    prefix: c.S3_PREFIX,
    forcePathStyle: c.S3_FORCE_PATH_STYLE,
  };
}

let cached: Config | undefined;
/** The process-wide configuration (read once). */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

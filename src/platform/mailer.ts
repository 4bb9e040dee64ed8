import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

// E-mail goes out over SMTP when SMTP_URL is set. Without it every message is captured as a
// file (the full MIME source plus a JSON summary) in MAIL_CAPTURE_DIR, readable on the dev inbox
// page and by tests: never silently dropped.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface CapturedMail extends OutgoingMail {
  id: string;
  from: string;
  sentAt: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Captured messages, newest first (capture mode only; empty with SMTP). */
  captured(): Promise<CapturedMail[]>;
}

export function createMailer(options: {
  smtpUrl?: string;
  captureDir: string;
  from: string;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      captured: async () => [],
    };
  }
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    async send(mail) {
      const info = await stream.sendMail({ from: options.from, ...mail });
      const id = `${Date.now()}-${randomUUID()}`;
      const summary: CapturedMail = {
        id,
        from: options.from,
        sentAt: new Date().toISOString(),
        ...mail,
      };
      await mkdir(options.captureDir, { recursive: true });
      await writeFile(join(options.captureDir, `${id}.eml`), info.message as Buffer);
      await writeFile(join(options.captureDir, `${id}.json`), JSON.stringify(summary, null, 2));
    },
    async captured() {
      let names: string[];
      try {
        names = await readdir(options.captureDir);
      } catch {
        return [];
      }
      const jsonFiles = names
        .filter((n) => n.endsWith(".json"))
        .sort()
        .reverse();
      return Promise.all(
        jsonFiles.map(
          async (n) =>
            JSON.parse(await readFile(join(options.captureDir, n), "utf8")) as CapturedMail,
        ),
      );
    },
  };
}

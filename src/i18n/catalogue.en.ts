// The English catalogue: every area's messages together, the same keys as the Dutch one.
// Only the server and an English page in the browser load it (app/entry.client.tsx).

import { applicationsEn } from "../applications/messages.en";
import { auditEn } from "../audit/messages.en";
import { callsEn } from "../calls/messages.en";
import { directoryEn } from "../directory/messages.en";
import { identityEn } from "../identity/messages.en";
import { libraryEn } from "../library/messages.en";
import { notificationsEn } from "../notifications/messages.en";
import { platformEn } from "../platform/messages.en";
import type { MessageKey } from "./catalogue.nl";
import { shellEn } from "./en";
import type { Message } from "./message";

export const enByArea = {
  shell: shellEn,
  identity: identityEn,
  directory: directoryEn,
  calls: callsEn,
  applications: applicationsEn,
  library: libraryEn,
  audit: auditEn,
  notifications: notificationsEn,
  platform: platformEn,
} as const;

export const en: Readonly<Record<MessageKey, Message>> = {
  ...shellEn,
  ...identityEn,
  ...directoryEn,
  ...callsEn,
  ...applicationsEn,
  ...libraryEn,
  ...auditEn,
  ...notificationsEn,
  ...platformEn,
};

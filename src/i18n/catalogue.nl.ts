// The Dutch (nl-BE) catalogue: every area's messages together. Its keys form MessageKey.
// Only the server and a Dutch page in the browser load it (app/entry.client.tsx).

import { applicationsNl } from "../applications/messages.nl";
import { auditNl } from "../audit/messages.nl";
import { callsNl } from "../calls/messages.nl";
import { directoryNl } from "../directory/messages.nl";
import { identityNl } from "../identity/messages.nl";
import { libraryNl } from "../library/messages.nl";
import { notificationsNl } from "../notifications/messages.nl";
import { platformNl } from "../platform/messages.nl";
import { shellNl } from "./nl";

/** Each area's catalogue, by area: the parity and unused-key tests check them one by one. */
export const nlByArea = {
  shell: shellNl,
  identity: identityNl,
  directory: directoryNl,
  calls: callsNl,
  applications: applicationsNl,
  library: libraryNl,
  audit: auditNl,
  notifications: notificationsNl,
  platform: platformNl,
} as const;

export const nl = {
  ...shellNl,
  ...identityNl,
  ...directoryNl,
  ...callsNl,
  ...applicationsNl,
  ...libraryNl,
  ...auditNl,
  ...notificationsNl,
  ...platformNl,
} as const;

export type MessageKey = keyof typeof nl;

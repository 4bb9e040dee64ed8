// The kinds of notification the platform sends, as data. Each kind has an e-mail setting:
// "on" or "off" is the default a person can change on /mijn/meldingen; "always" means the person
// cannot switch it off (a receipt of a submission is proof, not news).

export const notificationKinds = {
  /** Reminders 7 days and 1 day before a call's deadline, to applicants with a draft. */
  deadlineReminder: { email: "on" },
  /** An invitation to join a consortium as a partner. */
  partnerInvitation: { email: "on" },
  /** The receipt of a submitted application: always sent. */
  submissionConfirmation: { email: "always" },
  /** A new call has been published (an announcement: people opt in). */
  callPublished: { email: "off" },
} as const satisfies Record<string, { email: "on" | "off" | "always" }>;

export type NotificationKind = keyof typeof notificationKinds;

/** The kinds a person can switch on or off. */
export type SwitchableKind = {
  [K in NotificationKind]: (typeof notificationKinds)[K]["email"] extends "always" ? never : K;
}[NotificationKind];

export const allNotificationKinds = Object.keys(notificationKinds) as NotificationKind[];

export function isAlwaysSent(kind: NotificationKind): boolean {
  return notificationKinds[kind].email === "always";
}

export function isSwitchable(kind: NotificationKind): kind is SwitchableKind {
  return !isAlwaysSent(kind);
}

export const switchableKinds = allNotificationKinds.filter(isSwitchable) as [
  SwitchableKind,
  ...SwitchableKind[],
];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value);
}

/** Whether a person gets e-mail of a kind, given their stored choice (undefined: none made). */
export function emailWanted(kind: NotificationKind, stored: boolean | undefined): boolean {
  const setting = notificationKinds[kind].email;
  if (setting === "always") return true;
  return stored ?? setting === "on";
}

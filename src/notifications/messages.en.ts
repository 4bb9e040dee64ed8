import type { EnglishOf } from "../i18n/message";
import type { notificationsNl } from "./messages.nl";

// The English messages of the notifications area. Typed against the Dutch keys, so a missing key or a plural
// where Dutch has a plain string fails typecheck; src/i18n/catalogue.test.ts checks the rest.
export const notificationsEn: EnglishOf<typeof notificationsNl> = {
  "devMail.title": "Sent e-mails (development)",
  "devMail.lead": "Without an SMTP server every e-mail is kept here instead of being sent.",
  "devMail.empty": "No e-mails have been sent yet.",
  "devMail.to": "To",
  "devMail.sentAt": "Sent",
  "notifications.title": "Notifications",
  "notifications.lead": "Choose what InnoVET e-mails you about.",
  "notifications.legend": "Send me an e-mail about",
  "notifications.save": "Save preferences",
  "notifications.saved": "Your notification preferences have been saved.",
  "notifications.alwaysTitle": "Always sent",
  "notifications.alwaysText":
    "You always get these e-mails: they are proof, not news, and cannot be switched off.",
  "notifications.sentTo": "We send e-mails to {email}.",
  "notifications.dashboardTitle": "Notifications",
  "notifications.dashboardText": "Choose which e-mails you get from InnoVET.",
  "notifications.dashboardLink": "Set up notifications",
  "notifications.kind.deadlineReminder": "Deadline reminders",
  "notifications.kind.deadlineReminder.hint":
    "7 days and 1 day before a call closes, as long as your application has not been submitted.",
  "notifications.kind.partnerInvitation": "Invitations to become a partner",
  "notifications.kind.partnerInvitation.hint":
    "When a school invites your organisation into the consortium of an application.",
  "notifications.kind.submissionConfirmation": "Receipt of a submitted application",
  "notifications.kind.submissionConfirmation.hint":
    "With the time of submission and the fingerprint of what you submitted.",
  "notifications.kind.callPublished": "New calls",
  "notifications.kind.callPublished.hint": "When the Department publishes a new call.",
  "notifications.mail.deadlineReminder.subject":
    "Reminder: the call {callTitle} closes on {deadline}",
  "notifications.mail.deadlineReminder.text":
    "Dear {name},\n\nYour application for the call “{callTitle}” has not been submitted yet. The call closes on {deadline} (Belgian time). After that, nothing can be submitted or changed.\n\nFinish and submit your application:\n{url}\n\nYou get this reminder because deadline reminders are switched on. You can change that at {preferencesUrl}\n\nThe InnoVET team",
  "notifications.mail.submissionConfirmation.subject": "Submitted: {title}",
  "notifications.mail.submissionConfirmation.text":
    "Dear {name},\n\nYour application “{title}” for the call “{callTitle}” was submitted on {submittedAt} (Belgian time).\n\nFingerprint (SHA-256) of the submitted content:\n{fingerprint}\n\nThe receipt and the PDF of what you submitted:\n{url}\n\nYou always receive this confirmation: it is your proof of submission.\n\nThe InnoVET team",
  "notifications.mail.callPublished.subject": "New InnoVET call: {callTitle}",
  "notifications.mail.callPublished.text":
    "Dear {name},\n\nA new call has been published: “{callTitle}”. You can apply until {deadline} (Belgian time).\n\nRead the call:\n{url}\n\nYou get this message because you switched on notifications about new calls. You can change that at {preferencesUrl}\n\nThe InnoVET team",
  "notifications.mail.partnerInvitation.subject":
    "Invitation: partner in the InnoVET application {title}",
  "notifications.mail.partnerInvitation.text":
    "Dear {name},\n\n{school} asks {organisation} to be a partner in the InnoVET application “{title}” for the call “{callTitle}”.\n\nRead the commitment and confirm or decline it through this personal link (valid until {expiresAt}, Belgian time):\n{url}\n\nDo not share this link: whoever has it can answer on behalf of your organisation.\n\nThe InnoVET team",
};

import { eq } from "drizzle-orm";
import { z } from "zod";
import { type JobHandler, PermanentJobError } from "../platform/jobs/run-due-jobs";
import type { Mailer } from "../platform/mailer";
import { user } from "./schema";

// The password-reset e-mail, in the person's language. Kept apart from the web layer's catalogue
// because it is sent from the core (better-auth's callback), not rendered by a route.
export function passwordResetMail(locale: "nl" | "en", name: string, url: string) {
  if (locale === "en") {
    return {
      subject: "Reset your InnoVET password",
      text: `Hello ${name},\n\nSomeone asked to reset the password of your InnoVET account. Choose a new password within one hour:\n\n${url}\n\nDid you not ask for this? Then ignore this e-mail; your password stays the same.\n\nThe InnoVET team`,
    };
  }
  return {
    subject: "Stel je InnoVET-wachtwoord opnieuw in",
    text: `Beste ${name},\n\nEr is gevraagd om het wachtwoord van je InnoVET-account opnieuw in te stellen. Kies binnen het uur een nieuw wachtwoord:\n\n${url}\n\nHeb je dit niet zelf gevraagd? Negeer dan deze e-mail; je wachtwoord blijft ongewijzigd.\n\nHet InnoVET-team`,
  };
}

/** The job that sends it (ADR 0022): scheduled by the reset request, run by the job worker. */
export const passwordResetMailJob = "passwordResetMail";

const payload = z.object({ userId: z.string().min(1).max(100), url: z.url() });

/**
 * Sends the reset mail outside the request, so that asking for a reset takes as long for an
 * address with an account as for one without (the answer does not reveal which addresses exist).
 * The person's name and language are read when the job runs. A reset link sent twice after a
 * crash is the same link, so the mailer is called directly.
 */
export function passwordResetMailHandler(deps: { mailer: Mailer }): JobHandler {
  return async (job, { db }) => {
    const parsed = payload.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    const [person] = await db
      .select({ email: user.email, name: user.name, locale: user.locale, active: user.active })
      .from(user)
      .where(eq(user.id, parsed.data.userId));
    // A person deactivated in the meantime gets no link (it could not sign them in anyway).
    if (!person?.active) return;
    const locale = person.locale === "en" ? "en" : "nl";
    await deps.mailer.send({
      to: person.email,
      ...passwordResetMail(locale, person.name, parsed.data.url),
    });
  };
}

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

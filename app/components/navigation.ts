import { href } from "react-router";
import type { MessageKey } from "../../src/i18n/translate";
import type { Role } from "../../src/identity/roles";

// The main navigation, per role, as data. An item without roles is for everyone; `signedIn`
// items need a session. The same role lists guard the routes (src/*/policy.ts).
export interface NavItem {
  to: string;
  label: MessageKey;
  roles?: Role[];
  signedIn?: boolean;
  devOnly?: boolean;
}

export const navigation: NavItem[] = [
  { to: href("/"), label: "nav.home" },
  { to: href("/oproepen"), label: "nav.calls" },
  { to: href("/gids"), label: "nav.directory" },
  { to: href("/bibliotheek"), label: "nav.library" },
  { to: href("/mijn"), label: "nav.dashboard", signedIn: true },
  {
    to: href("/aanvragen"),
    label: "nav.applications",
    roles: ["schoolCoordinator", "schoolDirector", "programmeManager", "platformAdmin"],
  },
  { to: href("/beheer/oproepen"), label: "nav.callsManage", roles: ["programmeManager"] },
  {
    to: href("/beheer/moderatie"),
    label: "nav.moderation",
    roles: ["programmeManager", "guidanceCounsellor"],
  },
  { to: href("/beheer/personen"), label: "nav.people", roles: ["platformAdmin"] },
  {
    to: href("/beheer/organisaties/nieuw"),
    label: "nav.organisationsNew",
    roles: ["platformAdmin"],
  },
  { to: href("/beheer/audit"), label: "nav.audit", roles: ["platformAdmin"] },
  { to: href("/beheer/taken"), label: "nav.jobs", roles: ["platformAdmin"] },
  // The development inbox holds password-reset links: administrators only (notificationsPolicy).
  { to: href("/dev/mail"), label: "nav.devMail", devOnly: true, roles: ["platformAdmin"] },
];

export function visibleNavigation(actor: { roles: Role[] } | null, devMail: boolean): NavItem[] {
  return navigation.filter((item) => {
    if (item.devOnly && !devMail) return false;
    if (item.signedIn && !actor) return false;
    if (item.roles && !item.roles.some((r) => actor?.roles.includes(r))) return false;
    return true;
  });
}

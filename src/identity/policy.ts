import { definePolicy } from "../platform/policy";
import { isPlatformAdmin } from "./actor";

/** Who may manage people and their memberships: the platform administrator only. */
export const identityPolicy = definePolicy({
  listPeople: (actor) => isPlatformAdmin(actor),
  viewPerson: (actor, subject: { userId: string }) =>
    isPlatformAdmin(actor) || actor?.userId === subject.userId,
  createPerson: (actor) => isPlatformAdmin(actor),
  grantMembership: (actor) => isPlatformAdmin(actor),
  revokeMembership: (actor) => isPlatformAdmin(actor),
  /** Everyone signed in changes their own display name, and only their own. */
  changeOwnName: (actor, subject: { userId: string }) =>
    actor !== null && actor.userId === subject.userId,
  /** Everyone signed in changes their own password, and only their own. */
  changeOwnPassword: (actor, subject: { userId: string }) =>
    actor !== null && actor.userId === subject.userId,
  /** Nobody deactivates themselves: an administrator cannot lock the platform's last door. */
  setPersonActive: (actor, subject: { userId: string }) =>
    isPlatformAdmin(actor) && actor?.userId !== subject.userId,
});

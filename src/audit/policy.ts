import { isPlatformAdmin } from "../identity/actor";
import { definePolicy } from "../platform/policy";

/** The audit log holds before/after states of everything, personal data included: admins only. */
export const auditPolicy = definePolicy({
  readAuditLog: (actor) => isPlatformAdmin(actor),
});

import { isPlatformAdmin } from "../../identity/actor";
import { definePolicy } from "../policy";

/** Scheduled jobs are the platform's machinery: their errors and retries are for admins only. */
export const jobsPolicy = definePolicy({
  viewJobs: (actor) => isPlatformAdmin(actor),
  retryJob: (actor) => isPlatformAdmin(actor),
});

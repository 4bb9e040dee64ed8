// Every table of every area, for Drizzle's query builder and for drizzle-kit generate.

export * from "../applications/attachments/schema";
export * from "../applications/budget/schema";
export * from "../applications/consortium/schema";
export * from "../applications/plan/schema";
export * from "../applications/schema";
export * from "../applications/submission/schema";
export * from "../audit/schema";
export * from "../calls/schema";
export * from "../directory/schema";
export * from "../identity/schema";
export * from "../library/schema";
export * from "../notifications/schema";
export * from "../platform/jobs/schema";
export * from "../platform/parked-forms/schema";

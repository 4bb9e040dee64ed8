// Every table of every area, for Drizzle's query builder and for drizzle-kit generate.
export * from "../audit/schema";
export * from "../directory/schema";
export * from "../identity/schema";

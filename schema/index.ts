/** Every drizzle table of the shared schema; drizzle-kit generates migrations from this module. */
export * from "./tables/audit-events";
export * from "./tables/billing";
export * from "./tables/dead-jobs";
export * from "./tables/email-outbox";
export * from "./tables/sessions";
export * from "./tables/sign-in-events";
export * from "./tables/tenants";
export * from "./tables/users";

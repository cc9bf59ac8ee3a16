/** Every drizzle table of the shared schema; drizzle-kit generates migrations from this module. */

export * from "./tables/account-tokens";
export * from "./tables/audit-events";
export * from "./tables/clients";
export * from "./tables/dead-jobs";
export * from "./tables/deliverables";
export * from "./tables/email-outbox";
export * from "./tables/mfa";
export * from "./tables/projects";
export * from "./tables/push-subscriptions";
export * from "./tables/security-policies";
export * from "./tables/sessions";
export * from "./tables/sign-in-events";
export * from "./tables/tenant-branding";
export * from "./tables/tenants";
export * from "./tables/users";

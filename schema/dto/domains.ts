/** The custom-domain contract: adding a domain, the DNS records to create, and each domain's state. */
import { z } from "zod";

/** A host name an agency may bring: lower-case labels, at least one dot, no port, no wildcard. */
export const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const AddDomainBody = z
	.strictObject({
		hostname: z
			.string()
			.trim()
			.toLowerCase()
			.transform((h) => h.replace(/\.$/, ""))
			.pipe(z.string().regex(HOSTNAME, "must be a domain name like portal.youragency.com")),
	})
	.meta({ id: "AddDomainBody" });

export const DnsRecord = z
	.object({ type: z.enum(["TXT", "CNAME"]), name: z.string(), value: z.string(), purpose: z.string() })
	.meta({ id: "DnsRecord" });

export const DOMAIN_STATUSES = ["pending_verification", "active"] as const;

export const TenantDomainView = z
	.object({
		id: z.string(),
		hostname: z.string(),
		kind: z.enum(["subdomain", "custom"]),
		status: z.enum(DOMAIN_STATUSES),
		primary: z.boolean(),
		/** What to create at the DNS provider (custom domains only). */
		dnsRecords: z.array(DnsRecord),
		/** Cloudflare for SaaS hostname status when that integration is configured, else null. */
		certificateStatus: z.string().nullable(),
		lastCheckedAt: z.number().int().nullable(),
		lastCheckError: z.string().nullable(),
		verifiedAt: z.number().int().nullable(),
	})
	.meta({ id: "TenantDomain" });
export type TenantDomainView = z.infer<typeof TenantDomainView>;

export const TenantDomainList = z.object({ domains: z.array(TenantDomainView) }).meta({ id: "TenantDomainList" });

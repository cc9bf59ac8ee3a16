/**
 * Announcement audiences: stored as a kind plus a JSON list, read back as the wire shape, matched
 * against one client, and resolved to the people of every matching live client.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { AudienceDto } from "../../../schema/dto/support";
import { type Announcement, clientMembers, clients } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

export type Audience = z.infer<typeof AudienceDto>;
export type AudienceClient = { id: string; tier: string; status: string };

export function audienceColumns(audience: Audience): { audienceKind: Audience["kind"]; audienceValues: string } {
	switch (audience.kind) {
		case "all":
			return { audienceKind: "all", audienceValues: "[]" };
		case "tiers":
			return { audienceKind: "tiers", audienceValues: JSON.stringify([...new Set(audience.tiers)]) };
		case "statuses":
			return { audienceKind: "statuses", audienceValues: JSON.stringify([...new Set(audience.statuses)]) };
		case "clients":
			return { audienceKind: "clients", audienceValues: JSON.stringify([...new Set(audience.clientIds)]) };
	}
}

function values(row: Pick<Announcement, "audienceValues">): string[] {
	try {
		const parsed: unknown = JSON.parse(row.audienceValues);
		return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
	} catch {
		return [];
	}
}

export function audienceOf(row: Pick<Announcement, "audienceKind" | "audienceValues">): Audience {
	switch (row.audienceKind) {
		case "all":
			return { kind: "all" };
		case "tiers":
			return { kind: "tiers", tiers: values(row) as Extract<Audience, { kind: "tiers" }>["tiers"] };
		case "statuses":
			return { kind: "statuses", statuses: values(row) as Extract<Audience, { kind: "statuses" }>["statuses"] };
		case "clients":
			return { kind: "clients", clientIds: values(row) };
	}
}

export function audienceIncludes(row: Pick<Announcement, "audienceKind" | "audienceValues">, client: AudienceClient): boolean {
	if (row.audienceKind === "all") return true;
	const wanted = values(row);
	if (row.audienceKind === "tiers") return wanted.includes(client.tier);
	if (row.audienceKind === "statuses") return wanted.includes(client.status);
	return wanted.includes(client.id);
}

/** The people (user ids) of every live client in the audience. */
export async function audiencePeople(scope: TenantScope, row: Pick<Announcement, "audienceKind" | "audienceValues">): Promise<string[]> {
	const rows = await scope.db
		.select({ userId: clientMembers.userId, id: clients.id, tier: clients.tier, status: clients.status })
		.from(clientMembers)
		.innerJoin(
			clients,
			and(eq(clients.id, clientMembers.clientId), eq(clients.tenantId, clientMembers.tenantId), isNull(clients.deletedAt)),
		)
		.where(scope.where(clientMembers, isNull(clientMembers.deletedAt)));
	return rows.filter((r) => audienceIncludes(row, r)).map((r) => r.userId);
}

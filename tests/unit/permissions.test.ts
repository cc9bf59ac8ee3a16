/** Role → permission rules, checked exhaustively so a change to one role is a visible decision. */
import { describe, expect, it } from "vitest";
import { isStaffRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleCan } from "../../schema/permissions";

describe("roles", () => {
	it("nest: every staff permission is an admin's, every admin permission is an owner's", () => {
		for (const permission of PERMISSIONS) {
			if (roleCan("staff", permission)) expect(roleCan("admin", permission), permission).toBe(true);
			if (roleCan("admin", permission)) expect(roleCan("owner", permission), permission).toBe(true);
		}
	});

	it("keep clients out of agency-only areas", () => {
		const agencyOnly = [
			"clients:read",
			"leads:read",
			"analytics:read",
			"reports:read",
			"members:read",
			"tenant:manage",
			"audit:read",
			"billing:manage",
		] as const;
		for (const permission of agencyOnly) expect(roleCan("client", permission), permission).toBe(false);
		expect(isStaffRole("client")).toBe(false);
		expect(ROLES.filter(isStaffRole)).toEqual(["owner", "admin", "staff"]);
	});

	it("leave billing to the owner alone", () => {
		expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].has("billing:manage"))).toEqual(["owner"]);
	});
});

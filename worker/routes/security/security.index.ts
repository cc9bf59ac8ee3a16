/** The agency-security router: sign-in records for auditors, member unlock for admins, the security policy. */
import { authDepsOf } from "../../http/auth-deps";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { unlockMember } from "../../services/auth/unlock";
import { securityPolicyOf, updateSecurityPolicy } from "../../services/security/security-policy";
import { listSignIns } from "../../services/security/sign-in-history";
import * as routes from "./security.routes";

export const securityRouter = createRouter()
	.openapi(routes.signIns, async (c) => {
		const query = c.req.valid("query");
		return c.json(await listSignIns(tenantScope(c.get("db"), tenantOf(c).id), query), 200);
	})
	.openapi(routes.unlockMember, async (c) => {
		const result = await unlockMember(authDepsOf(c), currentAuth(c).user, c.req.valid("param").userId, requestOrigin(c));
		if (!result) throw problems.notFound("No such member of this agency.");
		return c.json(result, 200);
	})
	.openapi(routes.getPolicy, async (c) => c.json(await securityPolicyOf(tenantScope(c.get("db"), tenantOf(c).id)), 200))
	.openapi(routes.patchPolicy, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const patch = c.req.valid("json");
		const before = await securityPolicyOf(scope);
		const after = await updateSecurityPolicy(scope, patch);
		await recordAudit(scope, {
			action: "tenant.settings_changed",
			actor: actorOf(currentAuth(c)),
			target: { type: "security_policy", id: scope.tenantId },
			detail: { from: JSON.stringify(before), to: JSON.stringify(after) },
			...requestOrigin(c),
		});
		return c.json(after, 200);
	});

/**
 * The low-balance alert setting as Usage shows it. The plan's default (10% of the monthly
 * allowance) is stored in the TenantGate with each grant; before the first grant the gate has
 * none, and the default shown is the one the plan's credits will bring — never "0".
 */
import type { LowBalanceSetting } from "../../../schema/credits";
import type { Bindings } from "../../env";
import type { TenantScope } from "../../lib/db";
import { loadAccessState } from "./entitlements";
import { lowBalanceDefault } from "./plan-credits";

/** The setting with the plan's real default; `threshold` is the rule in force: the agency's own, else that default. */
export async function lowBalanceSettingOf(env: Pick<Bindings, "TENANT_GATE">, scope: TenantScope): Promise<LowBalanceSetting> {
	const setting = await env.TENANT_GATE.getByName(scope.tenantId).lowBalanceSetting();
	if (setting.planDefault > 0) return setting;
	const { plan } = await loadAccessState(scope);
	const planDefault = lowBalanceDefault(plan.limits.monthlyAiCredits);
	return { ...setting, planDefault, threshold: setting.custom ?? planDefault };
}

/**
 * Plan gates for staff screens: a control the agency's plan does not include, or a limit that is
 * used up, shows what the plan allows and how to get more instead of a form that fails on submit.
 * The server still refuses on its own (the entitlements helper); this only says so up front.
 */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { type PlanFeature, planById, upgradesFrom } from "../../../schema/plans";
import { entitlements, loadEntitlements } from "../models/entitlements";
import { can } from "../models/session";
import { Skeleton } from "./kit/skeleton";

/** "Upgrade to Pro or Agency {goal}." — or nothing when no plan offers more. */
function upgradeOffer(plans: string[], goal: string): string {
	return plans.length > 0 ? `Upgrade to ${plans.join(" or ")} ${goal}.` : "";
}

/** What the prompt offers: an upgrade link for those who may change the plan, a pointer to them for everyone else. */
export function UpgradePrompt({ message, offer }: { message: string; offer: string }) {
	return (
		<div class="card notice-card" role="note">
			<p>
				{message} {offer}
			</p>
			{can("billing:manage") ? (
				<a class="button primary" href="/billing">
					See plans and upgrade
				</a>
			) : (
				<p>Ask an owner of the agency to change the plan.</p>
			)}
		</div>
	);
}

/** The entitlements, read again when the screen opens (a plan may have changed since). */
export function useFreshEntitlements() {
	useEffect(() => {
		void loadEntitlements();
	}, []);
	return entitlements.value;
}

/** Shows `children` when the plan includes `feature`; otherwise an upgrade prompt naming `what`. */
export function FeatureGate({ feature, what, children }: { feature: PlanFeature; what: string; children: ComponentChildren }) {
	const current = useFreshEntitlements();
	if (!current) return <Skeleton />;
	if (current.features[feature]) return <>{children}</>;
	const plans = upgradesFrom(current.planId, (p) => p.features.includes(feature)).map((p) => p.name);
	return (
		<UpgradePrompt
			message={`Your ${planById(current.planId).name} plan does not include ${what}.`}
			offer={upgradeOffer(plans, "to use it")}
		/>
	);
}

type CountedLimit = "seats" | "clients";

/** Whether the plan's `limit` is used up (false while the entitlements are not loaded yet). */
export function limitUsedUp(limit: CountedLimit): boolean {
	return entitlements.value?.limits[limit].remaining === 0;
}

/** The prompt for a used-up limit: how many the plan has, and which plans have more. */
export function LimitPrompt({ limit, what, extra = "" }: { limit: CountedLimit; what: string; extra?: string }) {
	const current = entitlements.value;
	if (!current) return null;
	const usage = current.limits[limit];
	const plans = upgradesFrom(current.planId, (p) => {
		const max = p.limits[limit];
		return max === null || max > (usage.limit ?? 0);
	}).map((p) => p.name);
	const message = `All ${usage.limit} ${what} of your ${planById(current.planId).name} plan are in use.${extra}`;
	return <UpgradePrompt message={message} offer={upgradeOffer(plans, "for more")} />;
}

/** Shows `children` while `limit` has room left; once it is used up, an upgrade prompt naming `what`. */
export function LimitGate({ limit, what, children }: { limit: CountedLimit; what: string; children: ComponentChildren }) {
	const current = useFreshEntitlements();
	if (!current) return <Skeleton />;
	if (!limitUsedUp(limit)) return <>{children}</>;
	return <LimitPrompt limit={limit} what={what} />;
}

/** The operator's coupons and flash sales: what each takes off, for how long, its limits and redemptions, and switching it off. */
import { useEffect } from "preact/hooks";
import type { Coupon } from "../../../../schema/coupons";
import { formatMoney } from "../../../../schema/money";
import { formatDateTime } from "../../lib/date-format";
import { coupons, couponsProblem, deactivateCoupon, loadCoupons } from "../../models/operator-coupons";
import { operatorAnnouncement } from "../../models/operator-session";
import { FormAlert } from "../form-kit/form-alert";
import { Button } from "../kit/button";
import { byText, DataTable } from "../kit/data-table";

function discountOf(c: Coupon): string {
	const off = c.percentOff !== null ? `${c.percentOff}% off` : `${formatMoney(c.amountOff ?? 0, c.currency ?? "usd")} off`;
	const length = c.duration === "once" ? "first invoice" : c.duration === "forever" ? "every invoice" : `${c.durationInMonths} months`;
	return `${off}, ${length}`;
}

function limitsOf(c: Coupon): string {
	const uses = `${c.redemptions}${c.maxRedemptions === null ? "" : ` of ${c.maxRedemptions}`} used`;
	if (c.kind === "flash_sale" && c.startsAt !== null && c.endsAt !== null)
		return `${uses}; ${formatDateTime(c.startsAt)} to ${formatDateTime(c.endsAt)}`;
	return c.expiresAt === null ? uses : `${uses}; expires ${formatDateTime(c.expiresAt)}`;
}

const KIND_NAMES: Record<Coupon["kind"], string> = { code: "Code", flash_sale: "Flash sale", referral: "Referral" };

async function deactivate(c: Coupon): Promise<void> {
	const result = await deactivateCoupon(c.id);
	operatorAnnouncement.value = result.ok ? `${c.code ?? c.name} deactivated.` : result.problem.detail;
}

export function CouponsSection() {
	useEffect(() => {
		if (coupons.value === null) void loadCoupons();
	}, []);
	const list = coupons.value;
	return (
		<section class="card" aria-labelledby="coupons-heading">
			<h2 id="coupons-heading">Coupons and flash sales</h2>
			<FormAlert message={couponsProblem.value?.detail ?? null} />
			<DataTable
				caption="Coupons and flash sales, newest first"
				rows={list}
				rowKey={(c) => c.id}
				empty="No coupons yet."
				columns={[
					{
						key: "coupon",
						header: "Coupon",
						rowHeader: true,
						cell: (c) => (
							<>
								{c.code ?? c.name}
								{c.code && <span class="muted"> {c.name}</span>}
							</>
						),
						sort: byText((c) => c.code ?? c.name),
					},
					{ key: "kind", header: "Kind", cell: (c) => KIND_NAMES[c.kind], sort: byText((c) => KIND_NAMES[c.kind]) },
					{ key: "discount", header: "Discount", cell: discountOf },
					{ key: "use", header: "Use", cell: limitsOf },
					{ key: "status", header: "Status", cell: (c) => (c.active ? "Active" : "Inactive"), sort: byText((c) => (c.active ? "a" : "b")) },
					{
						key: "actions",
						header: "Actions",
						hideHeader: true,
						cell: (c) =>
							c.active &&
							c.kind !== "referral" && (
								<Button size="small" onClick={() => void deactivate(c)}>
									Deactivate<span class="visually-hidden"> {c.code ?? c.name}</span>
								</Button>
							),
					},
				]}
			/>
		</section>
	);
}

/** The operator's coupons and flash sales: what each takes off, for how long, its limits and redemptions, and switching it off. */
import { useEffect } from "preact/hooks";
import type { Coupon } from "../../../../schema/coupons";
import { formatMoney } from "../../../../schema/money";
import { formatDateTime } from "../../lib/date-format";
import { coupons, couponsProblem, deactivateCoupon, loadCoupons } from "../../models/operator-coupons";
import { operatorAnnouncement } from "../../models/operator-session";
import { FormAlert } from "../form-kit/form-alert";

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
			{list === null ? (
				<div class="skeleton skeleton-line" />
			) : list.length === 0 ? (
				<p class="muted">No coupons yet.</p>
			) : (
				<table>
					<caption class="visually-hidden">Coupons and flash sales, newest first</caption>
					<thead>
						<tr>
							<th scope="col">Coupon</th>
							<th scope="col">Kind</th>
							<th scope="col">Discount</th>
							<th scope="col">Use</th>
							<th scope="col">Status</th>
							<th scope="col">
								<span class="visually-hidden">Actions</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{list.map((c) => (
							<tr key={c.id}>
								<th scope="row">
									{c.code ?? c.name}
									{c.code && <span class="muted"> {c.name}</span>}
								</th>
								<td>{KIND_NAMES[c.kind]}</td>
								<td>{discountOf(c)}</td>
								<td>{limitsOf(c)}</td>
								<td>{c.active ? "Active" : "Inactive"}</td>
								<td>
									{c.active && c.kind !== "referral" && (
										<button type="button" class="button small secondary" onClick={() => void deactivate(c)}>
											Deactivate<span class="visually-hidden"> {c.code ?? c.name}</span>
										</button>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}

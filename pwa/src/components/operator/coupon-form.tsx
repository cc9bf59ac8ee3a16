/** Creating a coupon code or a flash sale: percent or amount off, duration, redemption limit, expiry or sale window; field errors from the API. */
import type { CouponInput } from "../../../../schema/coupons";
import { amountHint, exampleAmount, formatMoney, parseMoney } from "../../../../schema/money";
import { localDateTimeToMs, msToLocalDateTime } from "../../lib/date-format";
import { FormModel, type Messages } from "../../models/form";
import { createCoupon } from "../../models/operator-coupons";
import { operatorAnnouncement } from "../../models/operator-session";
import { DateTimeField } from "../form-kit/date-time-field";
import { FormAlert } from "../form-kit/form-alert";
import { SelectField } from "../form-kit/select-field";
import { Field } from "../form-kit/text-field";

const LABELS = {
	kind: "Kind",
	code: "Code",
	name: "Name",
	discountType: "Discount",
	percentOff: "Percent off",
	amountOff: "Amount off",
	currency: "Currency",
	duration: "Duration",
	durationInMonths: "Months",
	maxRedemptions: "Maximum redemptions",
	expiresAt: "Expires",
	startsAt: "Sale starts",
	endsAt: "Sale ends",
};
type Key = keyof typeof LABELS;
const EMPTY: Record<Key, string> = {
	kind: "code",
	code: "",
	name: "",
	discountType: "percent",
	percentOff: "",
	amountOff: "",
	currency: "usd",
	duration: "once",
	durationInMonths: "",
	maxRedemptions: "",
	expiresAt: "",
	startsAt: "",
	endsAt: "",
};

const form = new FormModel<Key>({ ...EMPTY }, LABELS);

const wholeNumber = (text: string): number | null => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null);
/** A picker value (wall-clock time in the viewer's zone) as an instant. */
const moment = (text: string): number | undefined => localDateTimeToMs(text) ?? undefined;

/** The request body, or the fields the browser can already tell are not numbers. */
function couponInput(v: Record<Key, string>): { input: CouponInput } | { errors: Messages<Key> } {
	const errors: Messages<Key> = {};
	const number = (key: Key, parse: (text: string) => number | null, message: string): number | undefined => {
		if (v[key].trim() === "") return undefined;
		const value = parse(v[key]);
		if (value === null) errors[key] = message;
		return value ?? undefined;
	};
	const percent = v.discountType === "percent";
	const isCode = v.kind === "code";
	const percentOff = percent ? number("percentOff", wholeNumber, "must be a whole number from 1 to 100") : undefined;
	const inCurrency = (text: string): number | null => {
		const parsed = parseMoney(text, v.currency);
		return parsed.ok ? parsed.minor : null;
	};
	const amountOff = percent ? undefined : number("amountOff", inCurrency, amountHint(v.currency));
	const input = {
		kind: v.kind as CouponInput["kind"],
		name: v.name,
		duration: v.duration as CouponInput["duration"],
		...(isCode && v.code.trim() ? { code: v.code.trim() } : {}),
		...(percent ? { percentOff } : { amountOff, currency: v.currency }),
		...(v.duration === "repeating" ? { durationInMonths: number("durationInMonths", wholeNumber, "must be a whole number") } : {}),
		maxRedemptions: number("maxRedemptions", wholeNumber, "must be a whole number"),
		...(isCode ? { expiresAt: moment(v.expiresAt) } : { startsAt: moment(v.startsAt), endsAt: moment(v.endsAt) }),
	};
	if (percent && percentOff === undefined && !errors.percentOff) errors.percentOff = "is required";
	if (!percent && amountOff === undefined && !errors.amountOff) errors.amountOff = "is required";
	return Object.keys(errors).length > 0 ? { errors } : { input: JSON.parse(JSON.stringify(input)) as CouponInput };
}

function describe(c: { code: string | null; name: string; percentOff: number | null; amountOff: number | null; currency: string | null }) {
	const off = c.percentOff !== null ? `${c.percentOff}% off` : `${formatMoney(c.amountOff ?? 0, c.currency ?? "usd")} off`;
	return `${c.code ?? c.name}, ${off}`;
}

async function submit(event: Event): Promise<void> {
	event.preventDefault();
	if (form.busy.value) return;
	form.begin();
	const built = couponInput(form.values.value);
	if ("errors" in built) {
		form.accept(built.errors);
		form.busy.value = false;
		return;
	}
	form.errors.value = {};
	const result = await createCoupon(built.input);
	if (!result.ok) return form.fail(result.problem);
	form.busy.value = false;
	form.values.value = { ...EMPTY };
	operatorAnnouncement.value = `${result.value.kind === "flash_sale" ? "Flash sale" : "Coupon"} ${describe(result.value)} created.`;
}

export function CouponForm() {
	const v = form.values.value;
	const e = form.errors.value;
	const text = (key: Key, hint?: string, required = true) => (
		<Field
			id={key}
			label={LABELS[key]}
			value={v[key]}
			onInput={(value) => form.set(key, value)}
			error={e[key]}
			hint={hint}
			required={required}
			verbatim
		/>
	);
	const when = (key: Key) => (
		<DateTimeField
			id={key}
			label={LABELS[key]}
			value={moment(v[key]) ?? null}
			onChange={(value) => form.set(key, value === null ? "" : msToLocalDateTime(value))}
			error={e[key]}
		/>
	);
	return (
		<form class="card" aria-labelledby="new-coupon-heading" onSubmit={submit} noValidate>
			<h2 id="new-coupon-heading">New coupon or flash sale</h2>
			<FormAlert message={form.alert.value} />
			<SelectField
				id="kind"
				label={LABELS.kind}
				value={v.kind}
				onChange={(value) => form.set("kind", value)}
				error={e.kind}
				options={[
					{ value: "code", label: "Coupon code (typed at checkout)" },
					{ value: "flash_sale", label: "Flash sale (applies to every checkout in its window)" },
				]}
			/>
			{v.kind === "code" && text("code", "3 to 32 letters, digits or dashes.")}
			{text("name", "Shown to the agency at checkout.")}
			<SelectField
				id="discountType"
				label={LABELS.discountType}
				value={v.discountType}
				onChange={(value) => form.set("discountType", value)}
				options={[
					{ value: "percent", label: "Percent off" },
					{ value: "amount", label: "Amount off" },
				]}
			/>
			{v.discountType === "percent" ? text("percentOff") : text("amountOff", `For example ${exampleAmount(v.currency)}.`)}
			{v.discountType === "amount" && (
				<SelectField
					id="currency"
					label={LABELS.currency}
					value={v.currency}
					onChange={(value) => form.set("currency", value)}
					error={e.currency}
					options={[
						{ value: "usd", label: "USD" },
						{ value: "eur", label: "EUR" },
						{ value: "gbp", label: "GBP" },
						{ value: "jpy", label: "JPY (no decimals)" },
						{ value: "kwd", label: "KWD (three decimals)" },
					]}
				/>
			)}
			<SelectField
				id="duration"
				label={LABELS.duration}
				value={v.duration}
				onChange={(value) => form.set("duration", value)}
				error={e.duration}
				options={[
					{ value: "once", label: "First invoice only" },
					{ value: "repeating", label: "A number of months" },
					{ value: "forever", label: "Every invoice" },
				]}
			/>
			{v.duration === "repeating" && text("durationInMonths")}
			{text("maxRedemptions", "Leave empty for no limit.", false)}
			{v.kind === "code" ? (
				when("expiresAt")
			) : (
				<>
					{when("startsAt")}
					{when("endsAt")}
				</>
			)}
			<button type="submit" class="button primary" aria-disabled={form.busy.value ? "true" : undefined}>
				Create
			</button>
		</form>
	);
}

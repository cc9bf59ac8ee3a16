/** Creating a coupon code or a flash sale: percent or amount off, duration, redemption limit, expiry or sale window; field errors from the API. */
import type { CouponInput } from "../../../../schema/coupons";
import { amountHint, exampleAmount, formatMoney, parseMoney } from "../../../../schema/money";
import { localDateTimeToMs, msToLocalDateTime } from "../../lib/date-format";
import { createCoupon } from "../../models/operator-coupons";
import { operatorAnnouncement } from "../../models/operator-session";
import { DateTimeField } from "../form-kit/date-time-field";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import type { Messages } from "../form-kit/messages";
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

const wholeNumber = (text: string): number | null => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null);
/** A picker value (wall-clock time in the viewer's zone) as an instant. */
const moment = (text: string): number | undefined => localDateTimeToMs(text) ?? undefined;

/** The request body, and the fields the browser can already tell are not numbers (the form sends only when there are none). */
function couponInput(v: Record<Key, string>): { input: CouponInput; errors: Messages } {
	const errors: Messages = {};
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
	return { input: JSON.parse(JSON.stringify(input)) as CouponInput, errors };
}

function describe(c: { code: string | null; name: string; percentOff: number | null; amountOff: number | null; currency: string | null }) {
	const off = c.percentOff !== null ? `${c.percentOff}% off` : `${formatMoney(c.amountOff ?? 0, c.currency ?? "usd")} off`;
	return `${c.code ?? c.name}, ${off}`;
}

export function CouponForm() {
	const draft = useDraft<Record<Key, string>>({ ...EMPTY });
	const v = draft.values.value;
	const built = couponInput(v);
	const text = (key: Key, hint?: string, required = true) => (
		<Field
			id={key}
			label={LABELS[key]}
			value={v[key]}
			onInput={(value) => draft.set(key, value)}
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
			onChange={(value) => draft.set(key, value === null ? "" : msToLocalDateTime(value))}
		/>
	);
	return (
		<Form
			class="card"
			aria-labelledby="new-coupon-heading"
			check={() => built.errors}
			send={() => createCoupon(built.input)}
			onSuccess={(coupon) => {
				draft.saved(v, { ...EMPTY });
				operatorAnnouncement.value = `${coupon.kind === "flash_sale" ? "Flash sale" : "Coupon"} ${describe(coupon)} created.`;
			}}
		>
			<h2 id="new-coupon-heading">New coupon or flash sale</h2>
			<SelectField
				id="kind"
				label={LABELS.kind}
				value={v.kind}
				onChange={(value) => draft.set("kind", value)}
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
				onChange={(value) => draft.set("discountType", value)}
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
					onChange={(value) => draft.set("currency", value)}
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
				onChange={(value) => draft.set("duration", value)}
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
			<SubmitButton busyLabel="Creating…">Create</SubmitButton>
		</Form>
	);
}

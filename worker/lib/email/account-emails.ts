/** The account emails: verify an address, reset a password, unlock, confirm a new address, new sign-in alert; in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

type Base = { name: string; agencyName: string; brand: EmailBrand };

export function verifyEmailEmail(input: Base & { url: string }): RenderedEmail {
	return renderEmail({
		subject: `Confirm your email for ${input.agencyName}`,
		heading: `Hello ${input.name}`,
		paragraphs: ["Confirm this is your email address. The link works once and for 24 hours."],
		action: { label: "Confirm my email", url: input.url },
		brand: input.brand,
	});
}

export function changeEmailEmail(input: Base & { url: string; newEmail: string }): RenderedEmail {
	return renderEmail({
		subject: `Confirm your new email for ${input.agencyName}`,
		heading: `Hello ${input.name}`,
		paragraphs: [
			`You asked to sign in to ${input.agencyName} as ${input.newEmail} from now on. Nothing changes until you open this link; it works once and for 24 hours.`,
			"If you did not ask for this, ignore this email.",
		],
		action: { label: "Use this address", url: input.url },
		brand: input.brand,
	});
}

export function passwordResetEmail(input: Base & { url: string }): RenderedEmail {
	return renderEmail({
		subject: `Reset your ${input.agencyName} password`,
		heading: `Hello ${input.name}`,
		paragraphs: [
			"Someone asked to reset the password of your account. The link works once and for one hour; using it signs you out everywhere.",
			"If it was not you, ignore this email: your password stays as it is.",
		],
		action: { label: "Choose a new password", url: input.url },
		brand: input.brand,
	});
}

export function unlockEmail(input: Base & { url: string }): RenderedEmail {
	return renderEmail({
		subject: `Your ${input.agencyName} account is locked for a while`,
		heading: `Hello ${input.name}`,
		paragraphs: [
			"Several wrong passwords were tried for your account, so sign-in is paused for a few minutes. The pause ends on its own.",
			"If it was you, this link unlocks the account now (once, within 24 hours). If it was not, consider changing your password.",
		],
		action: { label: "Unlock my account", url: input.url },
		brand: input.brand,
	});
}

export function newDeviceEmail(
	input: Base & { device: string; place: string | null; ip: string | null; at: number; url: string },
): RenderedEmail {
	const where = [input.place, input.ip].filter(Boolean).join(", ") || "an unknown place";
	return renderEmail({
		subject: `New sign-in to your ${input.agencyName} account`,
		heading: `Hello ${input.name}`,
		paragraphs: [
			`Your account was just signed in to from ${input.device} (${where}) at ${new Date(input.at).toISOString().replace("T", " ").slice(0, 16)} UTC.`,
			"If this was you, there is nothing to do. If not, change your password and sign out the sessions you do not recognise.",
		],
		action: { label: "Review my sessions", url: input.url },
		brand: input.brand,
	});
}

/**
 * Wire shapes of a person's own profile (`PATCH /api/v1/me`, `/api/v1/me/avatar`): their name, the
 * IANA time zone and BCP-47 locale the app formats dates in, and their avatar (a square PNG).
 */
import { z } from "zod";
import { PERSON_APPEARANCES } from "../theme";
import { TimeZone } from "./bookings";

export const PersonName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** A BCP-47 language tag the runtime can format dates in, e.g. "en-GB" or "de-CH"; stored in canonical form. */
export const Locale = z
	.string()
	.trim()
	.max(35, "must be at most 35 characters")
	.transform((tag, ctx) => {
		const canonical = canonicalLocale(tag);
		if (canonical) return canonical;
		ctx.addIssue({ code: "custom", message: "must be a BCP-47 language tag such as en-GB or de-CH" });
		return z.NEVER;
	});

/** The canonical form of a BCP-47 tag this runtime has date formats for, or null. */
export function canonicalLocale(tag: string): string | null {
	try {
		const [canonical] = Intl.getCanonicalLocales(tag);
		if (!canonical || Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) return null;
		return canonical;
	} catch {
		return null;
	}
}

/** A change to one's own profile: only the fields sent change; null puts time zone or locale back to the device's, appearance back to the agency's. */
export const ProfileUpdate = z
	.strictObject({
		name: PersonName.optional(),
		timeZone: TimeZone.nullable().optional(),
		locale: Locale.nullable().optional(),
		/** Light, dark or the device's setting; null puts it back to the agency's default. */
		appearance: z
			.enum(PERSON_APPEARANCES, { message: `must be one of ${PERSON_APPEARANCES.join(", ")}` })
			.nullable()
			.optional(),
	})
	.meta({ id: "ProfileUpdate" });
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** What the app needs of the person's profile beyond their name. */
export const Profile = z
	.object({
		/** IANA time zone for dates and times; null: the device's. */
		timeZone: z.string().nullable(),
		/** BCP-47 locale for dates and numbers; null: the browser's. */
		locale: z.string().nullable(),
		/** Where the avatar image is read (signed in as this person); null: none, initials are shown. */
		avatarUrl: z.string().nullable(),
		/** Light, dark or system (the device's setting); null: the agency's default appearance. */
		appearance: z.enum(PERSON_APPEARANCES).nullable(),
	})
	.meta({ id: "Profile" });
export type Profile = z.infer<typeof Profile>;

/** An avatar upload: a square PNG (the app renders the chosen picture to 256×256). */
export const AVATAR_MAX_BYTES = 256 * 1024;
export const AVATAR_MIN_SIDE = 64;
export const AVATAR_MAX_SIDE = 1024;

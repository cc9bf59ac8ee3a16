/**
 * Each agency's brand: its colours, theme (font, corners, default appearance), the sender name on its emails, and the image files (logo,
 * favicon, app icons) kept in R2 under the tenant's prefix. No row means Atrium's defaults.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CORNER_STYLES, THEME_FONTS } from "../theme";
import { APPEARANCES } from "../theme-colors";
import { tenants } from "./tenants";

export const tenantBranding = sqliteTable("tenant_branding", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	primaryColor: text("primary_color").notNull(),
	/** The second brand colour (highlights, badges); null → Atrium's amber. */
	accentColor: text("accent_color"),
	/** The theme's font, from a short list of fonts devices already have. */
	font: text("font", { enum: THEME_FONTS }).notNull().default("system"),
	cornerStyle: text("corner_style", { enum: CORNER_STYLES }).notNull().default("rounded"),
	/** What people see until they choose for themselves (users.appearance). */
	defaultAppearance: text("default_appearance", { enum: APPEARANCES }).notNull().default("light"),
	/** Shown as the From name of the agency's emails; null → the agency's name. */
	emailSenderName: text("email_sender_name"),
	/** File names under `tenants/<id>/brand/` in R2, content-hashed so they can be cached for ever. */
	logoFile: text("logo_file"),
	faviconFile: text("favicon_file"),
	icon192File: text("icon_192_file"),
	icon512File: text("icon_512_file"),
	iconMaskableFile: text("icon_maskable_file"),
	updatedAt: integer("updated_at").notNull(),
});

export type TenantBrandingRow = typeof tenantBranding.$inferSelect;

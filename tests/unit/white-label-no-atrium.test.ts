/**
 * White label without leaks: nothing a client sees says "Atrium". Two searches, each with a small
 * allow-list that says why every entry is not a client's:
 *
 * - the PWA: every string and JSX text (comments excluded: TypeScript's own parser reads the code)
 *   of every module a client's app can load — from pwa/src/main.tsx and the service worker through
 *   every import, lazy pages included, except the pages a client can never open — and the HTML shell;
 * - email: every template the Worker sends on an agency's behalf, rendered in a brand, from subject
 *   to attachments; every job that sends email takes its From and brand from the agency
 *   (`deps.agencyEmail`), and only the platform's own mail to an agency owner uses EMAIL_FROM.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isJsxText, isNoSubstitutionTemplateLiteral, isStringLiteral, isTemplateLiteralToken } from "typescript/unstable/ast/is";
import { API } from "typescript/unstable/sync";
import { describe, expect, it } from "vitest";
import { importGraph } from "../../scripts/lib/import-graph";
import { changeEmailEmail, newDeviceEmail, passwordResetEmail, unlockEmail, verifyEmailEmail } from "../../worker/lib/email/account-emails";
import { bookingChangeEmail, bookingReminderEmail } from "../../worker/lib/email/bookings";
import { invitationEmail } from "../../worker/lib/email/invitation";
import { unreadMessageEmail } from "../../worker/lib/email/messaging";
import { onboardingReminderEmail } from "../../worker/lib/email/onboarding";
import { milestoneCompletedEmail, taskReminderEmail } from "../../worker/lib/email/portal";
import type { EmailBrand, RenderedEmail } from "../../worker/lib/email/render";
import { ticketMessageEmail } from "../../worker/lib/email/support";
import { buildIcs } from "../../worker/lib/ics";

const ROOT = new URL("../..", import.meta.url).pathname;
const ATRIUM = /Atrium/;

/** Pages a client can never open: their modules (and what only they import) are not searched. */
const NOT_FOR_CLIENTS: Record<string, string> = {
	"pwa/src/routes/operator.tsx": "the platform operator's console, on the platform's own host only",
	"pwa/src/routes/sign-up.tsx": "agency sign-up, on the platform's own host only",
	"pwa/src/routes/brand-settings.tsx":
		"Settings → Brand, for the agency's owners and admins (tenant:manage): says what Atrium does with their logo",
};

/** Strings in client-reachable modules that say Atrium but never reach a client's screen. */
const ALLOWED_STRINGS: { file: string; text: string; why: string }[] = [
	{
		file: "pwa/src/models/brand.ts",
		text: "Atrium",
		why: "siteName on the platform's own host only; an agency's address shows the agency",
	},
	{ file: "pwa/src/sync/pinned-documents.ts", text: "X-Atrium-Pinned-Version", why: "an HTTP header name, never rendered" },
];

type Found = { file: string; line: number; text: string };

/** Every string literal, template part and JSX text of the given files that matches /Atrium/. */
function atriumStrings(files: readonly string[]): Found[] {
	const api = new API({ cwd: ROOT });
	try {
		const snapshot = api.updateSnapshot({ openProjects: [join(ROOT, "pwa/tsconfig.json")] });
		const found: Found[] = [];
		const wanted = new Set(files);
		for (const project of snapshot.getProjects()) {
			for (const name of project.program.getSourceFileNames()) {
				const file = relative(ROOT, name);
				if (!wanted.has(file)) continue;
				wanted.delete(file);
				const source = project.program.getSourceFile(name);
				if (!source) continue;
				const lineOf = (pos: number) => source.text.slice(0, pos).split("\n").length;
				const visit = (node: Parameters<Parameters<typeof source.forEachChild>[0]>[0]): void => {
					if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node) || isTemplateLiteralToken(node) || isJsxText(node)) {
						const text = (node as { text: string }).text;
						if (ATRIUM.test(text)) found.push({ file, line: lineOf(node.getStart(source)), text: text.trim() });
					}
					node.forEachChild(visit);
				};
				source.forEachChild(visit);
			}
		}
		expect([...wanted], "every reachable module was parsed").toEqual([]);
		return found;
	} finally {
		api.close();
	}
}

/** The modules a client's app can load: from the entry points through every import, stopping at pages a client never opens. */
function clientModules(): string[] {
	const graph = importGraph(ROOT, ["pwa/src", "schema"]);
	const seen = new Set<string>();
	const queue = ["pwa/src/main.tsx", "pwa/src/sw.ts"];
	while (queue.length > 0) {
		const file = queue.pop() as string;
		if (seen.has(file) || file in NOT_FOR_CLIENTS) continue;
		seen.add(file);
		queue.push(...(graph.get(file) ?? []));
	}
	return [...seen].sort();
}

describe("no screen a client sees says Atrium", () => {
	it("the strings of every module a client's app loads, but the allow-listed few", () => {
		const modules = clientModules();
		// The search is real: the portal's pages are in it, the operator console is not.
		expect(modules).toEqual(expect.arrayContaining(["pwa/src/routes/dashboard.tsx", "pwa/src/components/site-header.tsx"]));
		expect(modules).not.toContain("pwa/src/routes/operator.tsx");
		const found = atriumStrings(modules);
		const leaks = found.filter((f) => !ALLOWED_STRINGS.some((a) => a.file === f.file && a.text === f.text));
		expect(leaks.map((f) => `${f.file}:${f.line} "${f.text}"`)).toEqual([]);
		// Each allow-list entry is still needed (a stale entry would hide a future leak in that file).
		for (const allowed of ALLOWED_STRINGS)
			expect(
				found.some((f) => f.file === allowed.file && f.text === allowed.text),
				allowed.file,
			).toBe(true);
	}, 120_000);

	it("the HTML shell every page starts from (the Worker names the host in it)", () => {
		// Comments too: a client can read the page's source.
		const html = readFileSync(join(ROOT, "pwa/index.html"), "utf8");
		expect(html).not.toMatch(ATRIUM);
	});
});

const BRAND: EmailBrand = { name: "Verdant Studio", color: "#0b6e4f", logoUrl: "https://verdant.example/brand/logo-0123456789abcdef.png" };
const URL_ = "https://verdant.example/x?token=abc";
const PERSON = { name: "Chris Client", agencyName: BRAND.name, brand: BRAND };
const BOOKING = {
	personName: "Chris",
	typeName: "Kick-off call",
	withName: "Sam",
	startsAt: Date.UTC(2027, 0, 5, 10),
	timeZone: "Europe/Paris",
	url: URL_,
	brand: BRAND,
};
const ICS = buildIcs({
	method: "REQUEST",
	uid: "booking-1@example.test",
	sequence: 0,
	stampedAt: Date.UTC(2027, 0, 1),
	startsAt: BOOKING.startsAt,
	endsAt: BOOKING.startsAt + 1_800_000,
	summary: "Kick-off call: Verdant Studio × Bakery",
	description: "Kick-off call",
	organizer: { name: "Sam", email: "sam@verdant.example" },
	attendees: [{ name: "Chris", email: "chris@bakery.example" }],
});

/** Every template sent on an agency's behalf, rendered for a client. */
const AGENCY_EMAILS: Record<string, RenderedEmail> = {
	verifyEmail: verifyEmailEmail({ ...PERSON, url: URL_ }),
	changeEmail: changeEmailEmail({ ...PERSON, url: URL_, newEmail: "new@bakery.example" }),
	passwordReset: passwordResetEmail({ ...PERSON, url: URL_ }),
	unlock: unlockEmail({ ...PERSON, url: URL_ }),
	newDevice: newDeviceEmail({
		...PERSON,
		url: URL_,
		device: "Firefox on Linux",
		place: "Paris",
		ip: "192.0.2.1",
		at: Date.UTC(2027, 0, 1),
	}),
	invitation: invitationEmail({ inviter: "Sam", agencyName: BRAND.name, roleName: "a client", acceptUrl: URL_, brand: BRAND }),
	milestoneCompleted: milestoneCompletedEmail({
		personName: "Chris",
		agencyName: BRAND.name,
		projectName: "Website",
		milestoneTitle: "Design",
		projectUrl: URL_,
		brand: BRAND,
	}),
	taskReminder: taskReminderEmail({
		personName: "Chris",
		taskTitle: "Send copy",
		projectName: "Website",
		dueAt: Date.UTC(2027, 0, 2),
		tasksUrl: URL_,
		brand: BRAND,
	}),
	onboardingReminder: onboardingReminderEmail({
		personName: "Chris",
		agencyName: BRAND.name,
		openSteps: ["Sign the contract"],
		onboardingUrl: URL_,
		brand: BRAND,
	}),
	bookingBooked: bookingChangeEmail("booked", BOOKING, ICS),
	bookingCancelled: bookingChangeEmail("cancelled", { ...BOOKING, reason: "Ill" }, ICS),
	bookingReminder: bookingReminderEmail({ ...BOOKING, inWords: "tomorrow" }),
	unreadMessage: unreadMessageEmail({
		personName: "Chris",
		authorName: "Sam",
		subject: "Copy",
		excerpt: "Hi",
		threadUrl: URL_,
		brand: BRAND,
	}),
	ticketMessage: ticketMessageEmail({
		personName: "Chris",
		authorName: "Sam",
		subject: "Login",
		body: "Fixed",
		isNewTicket: false,
		ticketUrl: URL_,
		brand: BRAND,
	}),
};

/**
 * The platform's own mail to an agency owner about the agency's Atrium account: these may say Atrium
 * and come from EMAIL_FROM. Keyed by the job file that sends them.
 */
const PLATFORM_EMAIL_JOBS: Record<string, string> = {
	"billing.ts": "trial ending, payment failed and its reminders: the agency's Atrium subscription, to its owner",
	"welcome-email.ts": "welcome to Atrium, to the owner who just signed the agency up",
	"low-balance-alert.ts": "the agency's Atrium AI credits running low, to its owners and admins",
};

describe("every email to an agency's people is the agency's", () => {
	it.each(Object.entries(AGENCY_EMAILS))("%s: the agency's name and logo on it, and never Atrium", (_name, email) => {
		const everything = [email.subject, email.text, email.html, ...(email.attachments ?? []).map((a) => `${a.filename}\n${a.content}`)];
		expect(everything.filter((part) => ATRIUM.test(part))).toEqual([]);
		expect(email.html).toContain(`<img src="${BRAND.logoUrl}"`);
		expect(email.html).toContain(`>${BRAND.name}</div>`);
		expect(email.text.startsWith(`${BRAND.name}\n`)).toBe(true);
	});

	it("every job that sends email takes its From and brand from the agency, but the platform's own few", () => {
		const jobs = readdirSync(join(ROOT, "worker/jobs")).filter((f) => f.endsWith(".ts") && f !== "job-deps.ts");
		const source = (file: string) => readFileSync(join(ROOT, "worker/jobs", file), "utf8");
		const sending = jobs.filter((f) => source(f).includes("sendOnce("));
		expect(sending.length).toBeGreaterThan(Object.keys(PLATFORM_EMAIL_JOBS).length);
		const fromPlatform = sending.filter((f) => source(f).includes("deps.emailFrom"));
		expect(fromPlatform.sort()).toEqual(Object.keys(PLATFORM_EMAIL_JOBS).sort());
		const fromAgency = sending.filter((f) => !(f in PLATFORM_EMAIL_JOBS));
		expect(fromAgency.filter((f) => !/deps\.agencyEmail\(/.test(source(f)) || !/from: identity\.from/.test(source(f)))).toEqual([]);
	});
});

/**
 * Set-up shared by scenarios: a fresh agency signed up on the platform host, its owner signed in
 * through the hand-off link, and the session cookie that a browser would then hold.
 */
import type { ScenarioContext } from "./types";

export const BENCH_PASSWORD = "bench-password-0123";

export type SignedInAgency = {
	slug: string;
	/** The tenant's Host header, `<slug>.localhost`. */
	host: string;
	email: string;
	/** `atrium_session=<token>`, ready for a Cookie header. */
	cookie: string;
};

export async function signUpAgency(context: ScenarioContext, slug: string): Promise<SignedInAgency> {
	const { http } = context;
	const ip = context.nextClientIp();
	const email = `owner@${slug}.example`;
	const signup = await http.expect(
		{
			method: "POST",
			path: "/api/v1/auth/signup",
			host: "localhost",
			headers: { Origin: "http://localhost", "CF-Connecting-IP": ip },
			json: { agencyName: `Bench ${slug}`, slug, name: "Bench Owner", email, password: BENCH_PASSWORD },
		},
		201,
	);
	const { handoffUrl } = (await signup.json()) as { handoffUrl: string };
	const handoff = new URL(handoffUrl);
	const token = new URLSearchParams(handoff.hash.slice(1)).get("handoff");
	if (!token) throw new Error(`sign-up returned no hand-off token: ${handoffUrl}`);

	const host = handoff.host;
	const signedIn = await http.expect(
		{
			method: "POST",
			path: "/api/v1/auth/handoff",
			host,
			headers: { Origin: `http://${host}`, "CF-Connecting-IP": ip },
			json: { token },
		},
		200,
	);
	const cookie = signedIn.headers
		.getSetCookie()
		.map((header) => header.split(";")[0] ?? "")
		.find((pair) => pair.startsWith("atrium_session="));
	if (!cookie) throw new Error("the hand-off set no atrium_session cookie");
	return { slug, host, email, cookie };
}

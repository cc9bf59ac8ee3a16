/**
 * Portal context: the assistant is given the projects and clients the asking user may read — named
 * in the question or attached — through the same access rule as the API. A client's person asking
 * about another client's project learns nothing, named or attached.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { newConversation, openStream, sendMessage, sent } from "./assistant-helpers";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";

let acme: PortalAgency;
let beta: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	beta = await portalAgency(uniqueSlug("beta"));
});

/** The finished reply's text for `content` sent by the holder of `cookie`. */
async function replyTo(
	agency: PortalAgency,
	cookie: string,
	body: { content: string; about?: { kind: string; id: string } },
): Promise<string> {
	const id = await newConversation(agency, cookie);
	const stream = await openStream(agency, id, cookie);
	const { reply } = await sent(await sendMessage(agency, id, body, cookie));
	const done = await stream.until(reply.id);
	await stream.close();
	return done.content;
}

async function renameProject(agency: PortalAgency, id: string, name: string): Promise<void> {
	await json(call(agency.host, `/api/v1/projects/${id}`, { method: "PATCH", cookie: agency.staffCookie, body: { name } }));
}

describe("portal context for the assistant", () => {
	it("gives staff the project their question names, with its milestones", async () => {
		const project = await projectWith(acme, acme.clientX.id, ["Design", "Launch"]);
		await renameProject(acme, project.project.id, "Harbour rebrand");
		const text = await replyTo(acme, acme.staffCookie, { content: "How far along is the harbour rebrand?" });
		expect(text).toContain('Portal records I was given: project "Harbour rebrand" of Xylo Foods');
	});

	it("gives a client's person their own project, but nothing of another client's, named or attached", async () => {
		const own = await projectWith(acme, acme.clientX.id, ["Design"]);
		await renameProject(acme, own.project.id, "Harbour rebrand");
		const other = await projectWith(acme, acme.clientY.id, ["Secret"]);
		await renameProject(acme, other.project.id, "Yarrow secret formula");

		const ownReply = await replyTo(acme, acme.xUser.cookie, { content: "What is next on the Harbour rebrand?" });
		expect(ownReply).toContain('project "Harbour rebrand" of Xylo Foods');

		const named = await replyTo(acme, acme.xUser.cookie, { content: "Tell me about the Yarrow secret formula and Yarrow Labs" });
		expect(named).not.toContain("Portal records I was given");

		const conversation = await newConversation(acme, acme.xUser.cookie);
		const attached = await sendMessage(
			acme,
			conversation,
			{ content: "Summarise this", about: { kind: "project", id: other.project.id } },
			acme.xUser.cookie,
		);
		expect(attached.status).toBe(404);
		const attachedClient = await sendMessage(
			acme,
			conversation,
			{ content: "Summarise this", about: { kind: "client", id: acme.clientY.id } },
			acme.xUser.cookie,
		);
		expect(attachedClient.status).toBe(404);
	});

	it("answers about an attached client with its projects", async () => {
		await projectWith(acme, acme.clientY.id, ["Kickoff"]);
		const text = await replyTo(acme, acme.staffCookie, {
			content: "Summarise this client",
			about: { kind: "client", id: acme.clientY.id },
		});
		expect(text).toContain("Portal records I was given: client Yarrow Labs");
	});

	it("never reaches another agency's records, and names a malformed attachment", async () => {
		const theirs = await projectWith(beta, beta.clientX.id);
		const conversation = await newConversation(acme, acme.staffCookie);
		const crossTenant = await sendMessage(
			acme,
			conversation,
			{ content: "Summarise", about: { kind: "project", id: theirs.project.id } },
			acme.staffCookie,
		);
		expect(crossTenant.status).toBe(404);
		const bad = await sendMessage(acme, conversation, { content: "Summarise", about: { kind: "invoice", id: "x" } }, acme.staffCookie);
		expect(bad.status).toBe(422);
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("about.kind");
	});
});

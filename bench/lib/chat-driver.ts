/**
 * A bench-only Worker that drives the app's real ChatSession class (same class, same storage,
 * native RPC, as the Worker calls it): `GET /append` sends one message with the local model as a
 * fresh user (so per-user rate limits never bind), `GET /count` reads how many messages the
 * conversation holds. Served beside the app on the host `chat.bench`.
 */
export const CHAT_DRIVER_HOST = "chat.bench";

export const CHAT_DRIVER_SCRIPT = `
export default {
	async fetch(request, env) {
		const url = new URL(request.url);
		const session = env.CHAT.get(env.CHAT.idFromName(url.searchParams.get("conversation") ?? "bench"));
		if (url.pathname === "/count") {
			const tree = await session.getTree();
			return Response.json({ messages: tree.messages.length, unfinished: tree.messages.filter((m) => m.status === "pending" || m.status === "streaming").length });
		}
		const result = await session.send({ tenantId: "bench-chat", conversationId: url.searchParams.get("conversation") ?? "bench", userId: crypto.randomUUID(), content: "How is the launch going?", modelId: "local/atrium-echo", planId: "agency" });
		return result.ok ? new Response("ok") : Response.json(result, { status: 409 });
	},
};
`;

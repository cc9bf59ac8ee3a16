/** The streaming zip writer: an archive larger than one part goes to R2 as equal multipart parts and unzips whole. */
import { env } from "cloudflare:workers";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MIN_PART_SIZE, ZipToR2 } from "../../worker/services/downloads/zip-to-r2";

/** `total` bytes of a repeating pattern, delivered in 64 KiB chunks as an R2 body would be. */
function patternStream(total: number): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent >= total) return controller.close();
			const n = Math.min(64 * 1024, total - sent);
			const chunk = new Uint8Array(n);
			for (let i = 0; i < n; i++) chunk[i] = (sent + i) % 251;
			sent += n;
			controller.enqueue(chunk);
		},
	});
}

describe("ZipToR2", () => {
	it("writes a zip bigger than two parts through an R2 multipart upload", async () => {
		const size = 2 * MIN_PART_SIZE + 123_457;
		// A key of this test's own, since the files bucket is shared by the tests of the file.
		const key = `test/${crypto.randomUUID()}/big.zip`;
		const zip = await ZipToR2.open(env.FILES, key);
		await zip.addStream("Project/big.bin", patternStream(size), Date.UTC(2026, 0, 1));
		await zip.addText("Project/links.txt", "Site\nhttps://example.com/\n", Date.UTC(2026, 0, 1));
		const written = await zip.finish();
		expect(written.size).toBe(zip.size);
		const object = await env.FILES.get(key);
		const files = unzipSync(new Uint8Array(await (object as R2ObjectBody).arrayBuffer()));
		expect(Object.keys(files)).toEqual(["Project/big.bin", "Project/links.txt"]);
		const big = files["Project/big.bin"] ?? new Uint8Array();
		expect(big.length).toBe(size);
		expect([big[0], big[MIN_PART_SIZE], big[size - 1]]).toEqual([0, MIN_PART_SIZE % 251, (size - 1) % 251]);
	});
});

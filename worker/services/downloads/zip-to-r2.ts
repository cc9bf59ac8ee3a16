/**
 * Writes a zip into R2 as it is made: fflate emits the archive in chunks, which are cut into
 * equal-sized parts of an R2 multipart upload (R2 wants every part but the last the same size,
 * at least 5 MiB). Files are stored as they are (no recompression: deliverables are mostly
 * already-compressed images, video and PDFs), read from their own R2 streams, so memory stays
 * around one part however large the archive grows.
 */
import { strToU8, Zip, ZipPassThrough } from "fflate";

/** R2's smallest allowed part (every part but the last). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export class ZipToR2 {
	private readonly zip: Zip;
	private pending: Uint8Array[] = [];
	private pendingBytes = 0;
	private readonly parts: R2UploadedPart[] = [];
	private failure: Error | null = null;
	/** Bytes of the archive so far. */
	size = 0;

	private constructor(
		private readonly upload: R2MultipartUpload,
		private readonly partSize: number,
	) {
		this.zip = new Zip((error, chunk, _final) => {
			if (error) this.failure = error;
			else if (chunk.length > 0) {
				this.pending.push(chunk);
				this.pendingBytes += chunk.length;
				this.size += chunk.length;
			}
		});
	}

	static async open(bucket: R2Bucket, key: string, partSize = MIN_PART_SIZE): Promise<ZipToR2> {
		const upload = await bucket.createMultipartUpload(key, { httpMetadata: { contentType: "application/zip" } });
		return new ZipToR2(upload, partSize);
	}

	/** Adds a file whose bytes come from `body`, streamed through in pieces. */
	async addStream(path: string, body: ReadableStream<Uint8Array>, modifiedAt: number): Promise<void> {
		const entry = new ZipPassThrough(path);
		entry.mtime = modifiedAt;
		this.zip.add(entry);
		const reader = body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			entry.push(value, false);
			await this.flush(false);
		}
		entry.push(new Uint8Array(0), true);
		await this.flush(false);
	}

	async addText(path: string, text: string, modifiedAt: number): Promise<void> {
		const entry = new ZipPassThrough(path);
		entry.mtime = modifiedAt;
		this.zip.add(entry);
		entry.push(strToU8(text), true);
		await this.flush(false);
	}

	/** Writes the zip's directory and completes the upload. */
	async finish(): Promise<R2Object> {
		this.zip.end();
		await this.flush(true);
		return this.upload.complete(this.parts);
	}

	async abort(): Promise<void> {
		await this.upload.abort().catch(() => undefined);
	}

	/** Uploads every full part held (and, when `all`, the remainder as the last part). */
	private async flush(all: boolean): Promise<void> {
		if (this.failure) throw this.failure;
		while (this.pendingBytes >= this.partSize || (all && this.pendingBytes > 0)) {
			const part = this.take(Math.min(this.partSize, this.pendingBytes));
			this.parts.push(await this.upload.uploadPart(this.parts.length + 1, part));
		}
	}

	/** The first `n` pending bytes as one buffer. */
	private take(n: number): Uint8Array {
		const out = new Uint8Array(n);
		let filled = 0;
		while (filled < n) {
			const chunk = this.pending[0];
			if (!chunk) break;
			const used = Math.min(chunk.length, n - filled);
			out.set(chunk.subarray(0, used), filled);
			filled += used;
			if (used === chunk.length) this.pending.shift();
			else this.pending[0] = chunk.subarray(used);
		}
		this.pendingBytes -= n;
		return out;
	}
}

/**
 * A file's preview before it is uploaded: an image's thumbnail (an object URL, revoked when the
 * preview goes), a PDF's page count (its reader is imported only when a PDF is shown), else a
 * generic file mark. Name and size are shown beside it by the caller.
 */
import { useEffect, useState } from "preact/hooks";

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isPdf(file: File): boolean {
	return file.type === "application/pdf" || file.name.toLowerCase().endsWith(".pdf");
}

function ImageThumb({ file }: { file: File }) {
	const [url, setUrl] = useState<string | null>(null);
	useEffect(() => {
		const made = URL.createObjectURL(file);
		setUrl(made);
		return () => URL.revokeObjectURL(made);
	}, [file]);
	return url ? <img class="upload-thumb" src={url} alt={`Preview of ${file.name}`} /> : <span class="upload-thumb" />;
}

function PdfThumb({ file }: { file: File }) {
	const [pages, setPages] = useState<number | null>(null);
	useEffect(() => {
		let live = true;
		void import("../../lib/pdf-page-count").then(({ pdfPageCount }) =>
			pdfPageCount(file).then((count) => {
				if (live) setPages(count);
			}),
		);
		return () => {
			live = false;
		};
	}, [file]);
	return (
		<span class="upload-thumb upload-thumb-pdf" role="img" aria-label={`PDF preview of ${file.name}`}>
			PDF
			{pages !== null && <small>{pages === 1 ? "1 page" : `${pages} pages`}</small>}
		</span>
	);
}

export function FilePreview({ file }: { file: File }) {
	if (IMAGE_TYPES.has(file.type)) return <ImageThumb file={file} />;
	if (isPdf(file)) return <PdfThumb file={file} />;
	return (
		<span class="upload-thumb" aria-hidden="true">
			{file.name.split(".").pop()?.slice(0, 4).toUpperCase() || "FILE"}
		</span>
	);
}

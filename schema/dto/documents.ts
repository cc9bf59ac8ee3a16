/** Wire shapes of the documents API: folders, documents and versions, uploads (one request or R2 multipart), share links. */
import { z } from "zod";

/** The largest document: 5 GiB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 ** 3;
/** The largest body of a one-request upload; bigger files go through multipart. */
export const MAX_SINGLE_UPLOAD_BYTES = 20 * 1024 ** 2;
/** Every multipart part but the last is exactly this size (R2's minimum part size). */
export const UPLOAD_PART_BYTES = 5 * 1024 ** 2;

/** Types a document may have; anything else is refused (422 naming `contentType`). */
export const DOCUMENT_CONTENT_TYPES = [
	"application/pdf",
	"image/png",
	"image/jpeg",
	"image/gif",
	"image/webp",
	"image/svg+xml",
	"text/plain",
	"text/csv",
	"text/markdown",
	"application/json",
	"application/zip",
	"application/msword",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.ms-excel",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.ms-powerpoint",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"application/octet-stream",
	"video/mp4",
	"audio/mpeg",
] as const;

/** Types shown in the browser (an image inline, a PDF in its viewer); every other type is always a download. */
export const INLINE_CONTENT_TYPES: readonly string[] = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

const Id = z.uuid("must be an id");
export const DocumentName = z
	.string()
	.trim()
	.min(1, "is required")
	.max(200, "must be at most 200 characters")
	.refine(
		(name) => !/[/\\]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 32),
		"must not contain slashes or control characters",
	);
const ContentType = z.enum(DOCUMENT_CONTENT_TYPES, "is not a type you can upload (see docs/DOCUMENTS.md)");

export const FolderDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		parentId: z.string().nullable(),
		name: z.string(),
		createdAt: z.number(),
		updatedAt: z.number(),
		deletedAt: z.number().nullable(),
	})
	.meta({ id: "DocumentFolder" });

export const DocumentDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		projectId: z.string().nullable(),
		folderId: z.string().nullable(),
		name: z.string(),
		currentVersionId: z.string(),
		versionCount: z.number(),
		size: z.number(),
		contentType: z.string(),
		createdAt: z.number(),
		updatedAt: z.number(),
		deletedAt: z.number().nullable(),
	})
	.meta({ id: "Document" });

export const VersionDto = z
	.object({
		id: z.string(),
		number: z.number(),
		size: z.number(),
		contentType: z.string(),
		uploadedBy: z.string().nullable(),
		uploaderName: z.string().nullable(),
		restoredFrom: z.string().nullable(),
		current: z.boolean(),
		createdAt: z.number(),
	})
	.meta({ id: "DocumentVersion" });

export const DocumentWithVersions = DocumentDto.extend({ versions: z.array(VersionDto) }).meta({ id: "DocumentWithVersions" });

export const DocumentListing = z.object({ folders: z.array(FolderDto), documents: z.array(DocumentDto) }).meta({ id: "DocumentListing" });

export const DocumentListQuery = z.strictObject({
	folderId: Id.optional(),
	projectId: Id.optional(),
	/** Every document of the client, whatever its folder. */
	all: z.enum(["true", "false"]).optional(),
});

export const SimpleUploadQuery = z.strictObject({
	/** The upload's id, made by the client: a retry with the same id returns the first result. */
	id: Id.optional(),
	name: DocumentName,
	folderId: Id.optional(),
	projectId: Id.optional(),
});

export const CreateUploadBody = z
	.strictObject({
		id: Id.optional(),
		name: DocumentName,
		size: z
			.number("must be a number")
			.int("must be a whole number of bytes")
			.min(1, "must be at least 1 byte")
			.max(MAX_DOCUMENT_BYTES, `must be at most ${MAX_DOCUMENT_BYTES} bytes (5 GiB)`),
		contentType: ContentType,
		folderId: Id.optional(),
		projectId: Id.optional(),
	})
	.meta({ id: "CreateUploadBody" });

export const UploadDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		name: z.string(),
		size: z.number(),
		contentType: z.string(),
		partSize: z.number(),
		partCount: z.number(),
		status: z.enum(["pending", "completed", "aborted"]),
		/** Parts the server already holds: a resuming client sends only the others. */
		uploadedParts: z.array(z.object({ partNumber: z.number(), size: z.number() })),
		documentId: z.string().nullable(),
	})
	.meta({ id: "DocumentUpload" });

export const PartParams = z.strictObject({
	id: Id,
	partNumber: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000"),
});

export const CreateFolderBody = z.strictObject({ name: DocumentName, parentId: Id.optional() }).meta({ id: "CreateFolderBody" });
export const RenameFolderBody = z.strictObject({ name: DocumentName }).meta({ id: "RenameFolderBody" });

export const UpdateDocumentBody = z
	.strictObject({ name: DocumentName.optional(), folderId: Id.nullable().optional() })
	.meta({ id: "UpdateDocumentBody" });

export const ContentQuery = z.strictObject({
	versionId: Id.optional(),
	/** `inline` shows images and PDFs in the browser; every other type is always a download. */
	disposition: z.enum(["inline", "attachment"]).default("attachment"),
});

export const CreateShareBody = z
	.strictObject({
		expiresInHours: z
			.number("must be a number")
			.int("must be whole hours")
			.min(1, "must be at least 1")
			.max(24 * 90, "must be at most 2160 (90 days)"),
		password: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters").optional(),
	})
	.meta({ id: "CreateShareBody" });

export const ShareDto = z
	.object({
		id: z.string(),
		documentId: z.string(),
		expiresAt: z.number(),
		hasPassword: z.boolean(),
		downloadCount: z.number(),
		revokedAt: z.number().nullable(),
		createdAt: z.number(),
	})
	.meta({ id: "DocumentShare" });

export const CreatedShare = ShareDto.extend({ token: z.string(), url: z.string() }).meta({ id: "CreatedDocumentShare" });
export const ShareList = z.object({ shares: z.array(ShareDto) }).meta({ id: "DocumentShareList" });

export const PublicShare = z
	.object({ fileName: z.string(), size: z.number(), contentType: z.string(), expiresAt: z.number(), needsPassword: z.boolean() })
	.meta({ id: "PublicDocumentShare" });

export const ShareTokenParam = z.strictObject({
	token: z
		.string()
		.min(10)
		.max(200)
		.regex(/^[A-Za-z0-9._-]+$/, "is not a share link"),
});
export const SharePasswordForm = z.strictObject({ password: z.string().max(200).optional() });

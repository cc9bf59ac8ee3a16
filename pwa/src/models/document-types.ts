/** The documents page's records as the API answers them (schema/dto/documents.ts): shared by the model and its store-first reading. */
import type { z } from "zod";
import type { DocumentDto, DocumentListing, DocumentWithVersions, ShareDto } from "../../../schema/dto/documents";

export type DocumentT = z.infer<typeof DocumentDto>;
export type DocumentDetailT = z.infer<typeof DocumentWithVersions>;
export type ListingT = z.infer<typeof DocumentListing>;
export type ShareT = z.infer<typeof ShareDto>;

/** Shapes of ids on the wire: path parameters and references to rows. */
import { z } from "zod";

/** A row id (UUIDv7 text). Malformed ids are 422, unknown ones 404. */
export const RowId = z
	.string()
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "must be an id returned by this API")
	.meta({ example: "019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b" });

export const IdParams = z.strictObject({ id: RowId.meta({ param: { name: "id", in: "path" } }) });

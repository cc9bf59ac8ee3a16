/** RFC 9457 problem details, the body of every error response. */
import { z } from "zod";

export const ProblemDetails = z
	.object({
		type: z.string().meta({ example: "https://atrium.dev/problems/validation" }),
		title: z.string(),
		status: z.number().int(),
		detail: z.string().optional(),
		instance: z.string().optional(),
		requestId: z.string().optional(),
		errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
	})
	.meta({ id: "Problem" });
export type ProblemDetails = z.infer<typeof ProblemDetails>;

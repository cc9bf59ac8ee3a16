/** Route declarations of an agency's dead jobs (Settings → Failed jobs): list, replay once, discard. Owners and admins (`jobs:manage`). */
import { DeadJobList, DeadJobParams, DeadJobsQuery, DeadJobView } from "../../../schema/dto/dead-jobs";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Dead jobs"];
const notFound = problemContent("No dead job with this id in this agency");
const closed = problemContent("The job is no longer dead (being replayed, succeeded or discarded), or its body cannot run");

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/dead-jobs",
	tags,
	summary:
		"This agency's jobs that failed for good, newest first: type, error, attempts, first and last failure, payload (secrets redacted)",
	permission: "jobs:manage",
	request: { query: DeadJobsQuery },
	responses: { 200: jsonContent(DeadJobList, "A page of dead jobs") },
});

export const replay = protectedRoute({
	method: "post",
	path: "/api/v1/dead-jobs/{id}/replay",
	tags,
	summary: "Re-enqueue a dead job once, under its original idempotency key (a repeated call enqueues nothing more: 409)",
	permission: "jobs:manage",
	request: { params: DeadJobParams },
	responses: { 200: jsonContent(DeadJobView, "The job, now being replayed"), 404: notFound, 409: closed },
});

export const discard = protectedRoute({
	method: "post",
	path: "/api/v1/dead-jobs/{id}/discard",
	tags,
	summary: "Close a dead job without running it",
	permission: "jobs:manage",
	request: { params: DeadJobParams },
	responses: { 200: jsonContent(DeadJobView, "The discarded job"), 404: notFound, 409: closed },
});

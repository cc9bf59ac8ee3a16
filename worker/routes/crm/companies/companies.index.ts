/** The CRM companies router: every request through the workspace gate (worker/services/crm/workspace-access.ts). */
import { createRouter } from "../../../http/create-router";
import { crmRequest } from "../../../http/crm-request";
import {
	companyDuplicates,
	createCompany,
	deleteCompany,
	getCompany,
	listCompanies,
	mergeCompanies,
	toCompanyDto,
	updateCompany,
} from "../../../services/crm/companies/companies";
import * as routes from "./companies.routes";

export const crmCompaniesRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const page = await listCompanies(scope, workspaces, c.req.valid("query"));
		return c.json({ companies: page.companies.map(toCompanyDto), nextCursor: page.nextCursor }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		const { company, created } = await createCompany(scope, workspaces, c.req.valid("json"), who);
		return created ? c.json(toCompanyDto(company), 201) : c.json(toCompanyDto(company), 200);
	})
	.openapi(routes.get, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json(toCompanyDto(await getCompany(scope, workspaces, c.req.valid("param").id)), 200);
	})
	.openapi(routes.update, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(toCompanyDto(await updateCompany(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who)), 200);
	})
	.openapi(routes.remove, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteCompany(scope, workspaces, c.req.valid("param").id, who);
		return c.body(null, 204);
	})
	.openapi(routes.duplicates, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const rows = await companyDuplicates(scope, workspaces, c.req.valid("param").id);
		return c.json({ duplicates: rows.map(toCompanyDto) }, 200);
	})
	.openapi(routes.merge, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		const { sourceId, preferSource } = c.req.valid("json");
		return c.json(toCompanyDto(await mergeCompanies(scope, workspaces, c.req.valid("param").id, sourceId, preferSource, who)), 200);
	});

/** drizzle-kit: generates D1 migrations into migrations/ from the tables in schema/. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
	dialect: "sqlite",
	schema: "./schema/index.ts",
	out: "./migrations",
});

/**
 * DataTable: sorted with a column menu, with rows selected and the bulk bar, empty, loading and
 * paged. At phone width (< 640 px) every row shows as a card.
 */
import { Badge } from "../../components/kit/badge";
import { Button } from "../../components/kit/button";
import { byNumber, byText, type Column, DataTable } from "../../components/kit/data-table";
import { Example } from "../example";
import { defineStory } from "../story";
import { usePrepare } from "../use-prepare";

type Client = { id: string; name: string; projects: number; status: "Active" | "Paused"; owner: string };

const CLIENTS: Client[] = [
	{ id: "c1", name: "Northwind Traders", projects: 4, status: "Active", owner: "Ada Lovelace" },
	{ id: "c2", name: "Acme Ltd", projects: 2, status: "Paused", owner: "Grace Hopper" },
	{ id: "c3", name: "Globex", projects: 7, status: "Active", owner: "Alan Turing" },
	{ id: "c4", name: "Initech", projects: 1, status: "Active", owner: "Ada Lovelace" },
];

const COLUMNS: Column<Client>[] = [
	{ key: "name", header: "Client", cell: (c) => <a href={`#${c.id}`}>{c.name}</a>, sort: byText((c) => c.name), rowHeader: true },
	{ key: "projects", header: "Projects", cell: (c) => c.projects, sort: byNumber((c) => c.projects) },
	{ key: "status", header: "Status", cell: (c) => <Badge tone={c.status === "Active" ? "success" : "neutral"}>{c.status}</Badge> },
	{ key: "owner", header: "Owner", cell: (c) => c.owner, hideable: true },
];

/** The selectable table with two rows ticked on arrival, so the bulk bar shows. */
function SelectedTable() {
	const tick = (name: string) => (element: HTMLElement) =>
		[...element.querySelectorAll("label")]
			.find((label) => label.textContent === name)
			?.querySelector("input")
			?.click();
	const box = usePrepare<HTMLDivElement>([tick("Select Acme Ltd"), tick("Select Globex")]);
	return (
		<div ref={box} class="catalogue-stack">
			<DataTable
				caption="Clients to archive"
				columns={COLUMNS}
				rows={CLIENTS}
				rowKey={(c) => c.id}
				empty="No clients."
				select={{
					label: (c) => c.name,
					actions: () => (
						<Button size="small" variant="danger">
							Archive selected
						</Button>
					),
				}}
			/>
		</div>
	);
}

export default defineStory({
	id: "data-table",
	title: "Data table",
	group: "Data",
	sources: ["components/kit/data-table/data-table.tsx", "components/kit/data-table/sort.ts", "components/kit/data-table/selection.ts"],
	usage:
		"Every list of records: typed columns, client-side sorting, a Columns menu, selection with bulk actions, skeleton rows while loading, an empty sentence, Load more for cursor pages; cards below 640 px.",
	example: `<DataTable id="clients" caption="Clients" rows={clients.value} rowKey={(c) => c.id} empty="No clients yet." columns={[…]} />`,
	render: () => (
		<>
			<Example title="Sorted by projects, descending; Columns menu; Load more" wide>
				<div class="catalogue-stack">
					<DataTable
						id="catalogue-clients"
						caption="Clients"
						showCaption
						columns={COLUMNS}
						rows={CLIENTS}
						rowKey={(c) => c.id}
						empty="No clients yet."
						initialSort={{ key: "projects", descending: true }}
						more={{ onMore: () => {}, loading: false, label: "Load more clients" }}
					/>
				</div>
			</Example>
			<Example title="Two rows selected" wide>
				<SelectedTable />
			</Example>
			<Example title="Loading">
				<div class="catalogue-stack">
					<DataTable caption="Invoices" columns={COLUMNS} rows={null} rowKey={(c) => c.id} empty="No invoices." />
				</div>
			</Example>
			<Example title="Empty">
				<div class="catalogue-stack">
					<DataTable
						caption="Invoices"
						columns={COLUMNS}
						rows={[]}
						rowKey={(c) => c.id}
						empty="No invoices yet: they appear once a project is billed."
					/>
				</div>
			</Example>
		</>
	),
});

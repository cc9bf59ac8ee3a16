/** Prompt templates (everyone who uses the assistant): the agency's shared ones and your own, added, edited and deleted here, picked in the assistant's composer. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { PromptTemplateView } from "../../../schema/assistant";
import { TemplateForm } from "../components/assistant/template-form";
import { FormAlert } from "../components/form-kit/form-alert";
import { confirm } from "../components/kit/confirm";
import { DataTable } from "../components/kit/data-table";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { deletePromptTemplate, loadPromptTemplates, promptTemplates, promptTemplatesProblem } from "../models/prompt-templates";

export default function AssistantTemplates() {
	useDocumentTitle("Prompt templates");
	const editing = useSignal<PromptTemplateView | null>(null);
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadPromptTemplates();
	}, []);
	const remove = async (template: PromptTemplateView) => {
		const sure = await confirm({
			title: `Delete the template “${template.title}”?`,
			message: "People who use it will no longer find it in the composer.",
			confirmLabel: "Delete",
			danger: true,
		});
		if (!sure) return;
		const result = await deletePromptTemplate(template.id);
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? `Deleted “${template.title}”.` : "";
		if (editing.value?.id === template.id) editing.value = null;
	};
	const list = promptTemplates.value;
	return (
		<>
			<p>
				<a href="/assistant">← Assistant</a>
			</p>
			<h1>Prompt templates</h1>
			<FormAlert message={failure.value ?? promptTemplatesProblem.value?.detail ?? null} />
			<p role="status">{status.value}</p>
			<section class="card" aria-labelledby="templates-heading">
				<h2 id="templates-heading">Templates</h2>
				{list === null ? (
					<div class="skeleton skeleton-line" />
				) : (
					<DataTable
						caption="Prompt templates"
						rows={list}
						rowKey={(t) => t.id}
						empty="No templates yet. Add one below; it appears in the assistant's Template list."
						columns={[
							{ key: "title", header: "Title", rowHeader: true, cell: (t) => t.title, sort: (a, b) => a.title.localeCompare(b.title) },
							{ key: "who", header: "Who sees it", cell: (t) => (t.shared ? "The whole agency" : "Only you") },
							{ key: "placeholders", header: "Placeholders", cell: (t) => t.variables.join(", ") || "None" },
							{ key: "updated", header: "Changed", cell: (t) => formatDateTime(t.updatedAt), sort: (a, b) => a.updatedAt - b.updatedAt },
							{
								key: "actions",
								header: "Actions",
								hideHeader: true,
								cell: (t) =>
									t.canEdit ? (
										<div class="button-row">
											<button type="button" class="button small secondary" onClick={() => (editing.value = t)}>
												Edit<span class="visually-hidden"> {t.title}</span>
											</button>
											<button type="button" class="button small secondary" onClick={() => void remove(t)}>
												Delete<span class="visually-hidden"> {t.title}</span>
											</button>
										</div>
									) : (
										"Shared by the agency"
									),
							},
						]}
					/>
				)}
			</section>
			{editing.value && (
				<TemplateForm
					key={editing.value.id}
					editing={editing.value}
					onDone={(message) => {
						status.value = message;
						editing.value = null;
					}}
				/>
			)}
			<TemplateForm editing={null} onDone={(message) => (status.value = message)} />
		</>
	);
}

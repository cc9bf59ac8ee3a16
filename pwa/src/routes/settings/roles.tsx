/** Roles: the agency's custom roles (name, description, permissions picked by area), created, edited and deleted. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { CustomRoleView } from "../../../../schema/dto/roles";
import { MEMBER_BASELINE, type Permission } from "../../../../schema/permissions";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
import { Field } from "../../components/form-kit/text-field";
import { byNumber, byText, DataTable } from "../../components/kit/data-table";
import { PermissionPicker } from "../../components/permission-picker";
import { can } from "../../models/session";
import { createRole, customRoles, deleteRole, loadRoles, updateRole } from "../../models/team";
import { SettingsPage } from "./settings-page";

function RoleForm({ editing, onDone }: { editing: CustomRoleView | null; onDone: (message: string) => void }) {
	const name = useSignal(editing?.name ?? "");
	const description = useSignal(editing?.description ?? "");
	const selected = useSignal<ReadonlySet<Permission>>(new Set(editing?.permissions ?? MEMBER_BASELINE));
	const body = () => ({ name: name.value.trim(), description: description.value.trim(), permissions: [...selected.value] });
	return (
		<Form
			class="card"
			aria-labelledby="role-form-heading"
			send={() => (editing ? updateRole(editing.id, body()) : createRole(body()))}
			onSuccess={() => onDone(editing ? `${body().name} was saved.` : `${body().name} was created.`)}
		>
			<h2 id="role-form-heading">{editing ? `Edit ${editing.name}` : "New role"}</h2>
			<Field id="role-name" name="name" label="Name" value={name.value} maxLength={60} onInput={(value) => (name.value = value)} />
			<Field
				id="role-description"
				name="description"
				label="Description"
				required={false}
				value={description.value}
				maxLength={300}
				onInput={(value) => (description.value = value)}
			/>
			<PermissionPicker
				idPrefix="role-permission"
				legend="Permissions"
				name="permissions"
				selected={selected.value}
				onToggle={(permission, on) => {
					const next = new Set(selected.value);
					if (on) next.add(permission);
					else next.delete(permission);
					selected.value = next;
				}}
			/>
			<SubmitButton busyLabel="Saving…">{editing ? "Save role" : "Create role"}</SubmitButton>
		</Form>
	);
}

export default function Roles() {
	const editing = useSignal<CustomRoleView | null>(null);
	const formKey = useSignal(0);
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadRoles();
	}, []);
	const done = (message: string) => {
		status.value = message;
		failure.value = null;
		editing.value = null;
		formKey.value += 1;
	};
	return (
		<SettingsPage path="/settings/roles">
			<p class="lead">
				A member with a custom role can do exactly what it lists (and manage their own account). You can only give permissions you have.
			</p>
			<FormAlert message={failure.value} />
			<p role="status" class="status-line">
				{status.value}
			</p>
			<section class="card" aria-labelledby="roles-heading">
				<h2 id="roles-heading">Custom roles</h2>
				<DataTable
					caption="Custom roles"
					rows={customRoles.value}
					rowKey={(role) => role.id}
					empty="No custom roles yet. Members have the built-in roles: owner, admin, staff or client."
					columns={[
						{
							key: "role",
							header: "Role",
							cell: (role) => (
								<>
									{role.name}
									{role.description && <span class="field-hint"> — {role.description}</span>}
								</>
							),
							sort: byText((role) => role.name),
						},
						{ key: "permissions", header: "Permissions", cell: (role) => role.permissions.join(", "), hideable: true },
						{ key: "members", header: "Members", cell: (role) => role.memberCount, sort: byNumber((role) => role.memberCount) },
						{
							key: "actions",
							header: "Actions",
							cell: (role) =>
								role.permissions.every((p) => can(p)) ? (
									<>
										<button
											type="button"
											class="button small secondary"
											onClick={() => {
												editing.value = role;
												formKey.value += 1;
											}}
										>
											Edit<span class="visually-hidden"> {role.name}</span>
										</button>{" "}
										<button
											type="button"
											class="button small secondary"
											onClick={async () => {
												const result = await deleteRole(role.id);
												if (result.ok) done(`${role.name} was deleted.`);
												else failure.value = result.problem.detail;
											}}
										>
											Delete<span class="visually-hidden"> {role.name}</span>
										</button>
									</>
								) : (
									<span class="field-hint">It has permissions you do not have</span>
								),
						},
					]}
					id="custom-roles"
				/>
			</section>
			<RoleForm key={formKey.value} editing={editing.value} onDone={done} />
		</SettingsPage>
	);
}

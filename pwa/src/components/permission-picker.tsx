/**
 * Permission checkboxes grouped by area (`clients:read` and `clients:write` under "Clients"). A
 * permission the user does not have is shown disabled, with the reason: nobody grants what they lack.
 */
import { PERMISSIONS, type Permission } from "../../../schema/permissions";
import { can } from "../models/session";
import { CheckboxField } from "./form-kit/checkbox-field";
import { useFormState } from "./form-kit/form";

const GROUP_NAMES: Record<string, string> = {
	account: "Own account",
	tenant: "Agency settings",
	members: "Team",
	billing: "Billing",
	usage: "Usage",
	clients: "Clients",
	projects: "Projects",
	documents: "Documents",
	messages: "Messages",
	leads: "Leads",
	analytics: "Analytics",
	reports: "Reports",
	assistant: "Assistant",
	audit: "Audit log",
	jobs: "Background jobs",
	api_keys: "API keys",
};

const GROUPS = PERMISSIONS.reduce<Map<string, Permission[]>>((groups, permission) => {
	const area = permission.split(":")[0] ?? permission;
	groups.set(area, [...(groups.get(area) ?? []), permission]);
	return groups;
}, new Map());

type Props = {
	idPrefix: string;
	legend: string;
	selected: ReadonlySet<Permission>;
	onToggle: (p: Permission, on: boolean) => void;
	/** The API field path whose problem message (from the enclosing Form) shows here. */
	name?: string;
	error?: string | undefined;
};

export function PermissionPicker({ idPrefix, legend, selected, onToggle, name, error: given }: Props) {
	const form = useFormState();
	if (name) form?.register(name, legend);
	const error = given ?? (name ? form?.errorFor(name) : undefined);
	const errorId = `${idPrefix}-error`;
	return (
		<fieldset class="permission-picker" aria-describedby={error ? errorId : undefined}>
			<legend>{legend}</legend>
			{error && (
				<p id={errorId} class="field-error">
					{error}
				</p>
			)}
			<div class="permission-groups">
				{[...GROUPS].map(([area, permissions]) => (
					<fieldset key={area} class="permission-group">
						<legend>{GROUP_NAMES[area] ?? area}</legend>
						{permissions.map((permission) => {
							const id = `${idPrefix}-${permission.replace(":", "-")}`;
							const allowed = can(permission);
							return (
								<CheckboxField
									key={permission}
									id={id}
									name={`${idPrefix}-${permission}`}
									label={permission}
									checked={selected.has(permission)}
									disabled={!allowed}
									hint={allowed ? undefined : "You do not have this, so you cannot give it."}
									onChange={(checked) => onToggle(permission, checked)}
								/>
							);
						})}
					</fieldset>
				))}
			</div>
		</fieldset>
	);
}

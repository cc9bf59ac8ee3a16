/**
 * Account → Security: passkeys. Add one (named, so the list says which device it is), rename or
 * remove it. Removing needs a recent sign-in; the server says so when it is too old.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatDate } from "../../lib/date-format";
import { addPasskey, loadPasskeys, passkeys, passkeysSupported, removePasskey, renamePasskey } from "../../models/passkeys";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";
import { Skeleton } from "../skeleton";

export function PasskeysSection() {
	const draft = useDraft({ name: "" });
	// A removal's failure (the forms show their own).
	const error = useSignal<string | null>(null);
	const message = useSignal<string | null>(null);
	const removing = useSignal<string | null>(null);
	const editing = useSignal<{ id: string; name: string } | null>(null);
	useEffect(() => {
		void loadPasskeys();
	}, []);
	const label = draft.values.value.name.trim() || "Passkey";

	const remove = async (id: string, name: string) => {
		removing.value = id;
		error.value = null;
		message.value = null;
		const result = await removePasskey(id);
		removing.value = null;
		if (result.ok) message.value = `Removed "${name}".`;
		else error.value = result.problem.detail;
	};

	const list = passkeys.value;
	const current = editing.value;
	return (
		<section class="card" aria-labelledby="passkeys-heading">
			<h2 id="passkeys-heading">Passkeys</h2>
			<p>Sign in with your fingerprint, face or device PIN instead of a password. Passkeys cannot be phished.</p>
			<FormAlert message={error.value} />
			<p role="status">{message.value}</p>
			{list === null ? (
				<Skeleton />
			) : list.length === 0 ? (
				<p>No passkeys yet.</p>
			) : (
				<ul class="session-list" aria-label="Your passkeys">
					{list.map((p) =>
						current?.id === p.id ? (
							<li key={p.id}>
								<Form
									aria-label={`Rename ${p.name}`}
									check={() => ({ name: current.name.trim() ? undefined : "is required" })}
									send={() => {
										message.value = null;
										return renamePasskey(current.id, current.name.trim());
									}}
									onSuccess={() => {
										editing.value = null;
										message.value = "Renamed.";
									}}
								>
									<Field
										id={`passkey-name-${p.id}`}
										name="name"
										label="New name"
										value={current.name}
										maxLength={60}
										onInput={(v) => {
											editing.value = { id: p.id, name: v };
										}}
									/>
									<div class="button-row">
										<SubmitButton block={false} busyLabel="Saving…">
											Save name
										</SubmitButton>
										<Button
											onClick={() => {
												editing.value = null;
											}}
										>
											Cancel
										</Button>
									</div>
								</Form>
							</li>
						) : (
							<li key={p.id}>
								<strong>{p.name}</strong>
								<br />
								<span class="muted">
									Added {formatDate(p.createdAt)} · {p.lastUsedAt ? `last used ${formatDate(p.lastUsedAt)}` : "not used yet"}
									{p.backedUp ? " · synced" : ""}
								</span>{" "}
								<Button
									size="small"
									onClick={() => {
										editing.value = { id: p.id, name: p.name };
									}}
								>
									Rename<span class="visually-hidden"> {p.name}</span>
								</Button>{" "}
								<Button size="small" onClick={() => remove(p.id, p.name)} loading={removing.value === p.id}>
									Remove<span class="visually-hidden"> {p.name}</span>
								</Button>
							</li>
						),
					)}
				</ul>
			)}
			{passkeysSupported() ? (
				<Form
					aria-label="Add a passkey"
					send={() => {
						error.value = null;
						message.value = null;
						return addPasskey(label);
					}}
					onSuccess={() => {
						draft.set("name", "");
						message.value = `Added "${label}". Next time, choose "Sign in with a passkey".`;
					}}
				>
					<Field
						id="passkeyName"
						name="name"
						label="Name for the new passkey"
						hint="For example: Work laptop, or My phone"
						required={false}
						maxLength={60}
						value={draft.values.value.name}
						onInput={(v) => draft.set("name", v)}
					/>
					<SubmitButton busyLabel="Adding…">Add a passkey</SubmitButton>
				</Form>
			) : (
				<p class="muted">This browser cannot use passkeys.</p>
			)}
		</section>
	);
}

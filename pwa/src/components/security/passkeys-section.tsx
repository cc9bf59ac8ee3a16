/**
 * Account → Security: passkeys. Add one (named, so the list says which device it is), rename or
 * remove it. Removing needs a recent sign-in; the server says so when it is too old.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatDate } from "../../lib/date-format";
import { addPasskey, loadPasskeys, passkeys, passkeysSupported, removePasskey, renamePasskey } from "../../models/passkeys";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Skeleton } from "../skeleton";

export function PasskeysSection() {
	const name = useSignal("");
	const error = useSignal<string | null>(null);
	const message = useSignal<string | null>(null);
	const busy = useSignal(false);
	const editing = useSignal<{ id: string; name: string } | null>(null);
	useEffect(() => {
		void loadPasskeys();
	}, []);

	const run = async (action: () => Promise<string | null>, done: string | null = null) => {
		if (busy.value) return;
		busy.value = true;
		error.value = null;
		message.value = null;
		const failure = await action();
		busy.value = false;
		if (failure) error.value = failure;
		else message.value = done;
	};

	const add = (event: Event) => {
		event.preventDefault();
		const label = name.value.trim() || "Passkey";
		return run(async () => {
			const result = await addPasskey(label);
			if (!result.ok) return result.problem.detail;
			name.value = "";
			return null;
		}, `Added "${label}". Next time, choose "Sign in with a passkey".`);
	};

	const saveName = (event: Event) => {
		event.preventDefault();
		const current = editing.value;
		if (!current) return;
		return run(async () => {
			const result = await renamePasskey(current.id, current.name.trim());
			if (!result.ok) return result.problem.fields.name ? `The name ${result.problem.fields.name}.` : result.problem.detail;
			editing.value = null;
			return null;
		}, "Renamed.");
	};

	const remove = (id: string, label: string) =>
		run(async () => {
			const result = await removePasskey(id);
			return result.ok ? null : result.problem.detail;
		}, `Removed "${label}".`);

	const list = passkeys.value;
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
						editing.value?.id === p.id ? (
							<li key={p.id}>
								<form onSubmit={saveName} noValidate>
									<Field
										id={`passkey-name-${p.id}`}
										label="New name"
										value={editing.value.name}
										maxLength={60}
										onInput={(v) => {
											editing.value = { id: p.id, name: v };
										}}
									/>
									<button type="submit" class="button small primary" aria-disabled={busy.value}>
										Save name
									</button>{" "}
									<button
										type="button"
										class="button small secondary"
										onClick={() => {
											editing.value = null;
										}}
									>
										Cancel
									</button>
								</form>
							</li>
						) : (
							<li key={p.id}>
								<strong>{p.name}</strong>
								<br />
								<span class="muted">
									Added {formatDate(p.createdAt)} · {p.lastUsedAt ? `last used ${formatDate(p.lastUsedAt)}` : "not used yet"}
									{p.backedUp ? " · synced" : ""}
								</span>{" "}
								<button
									type="button"
									class="button small secondary"
									onClick={() => {
										editing.value = { id: p.id, name: p.name };
									}}
								>
									Rename<span class="visually-hidden"> {p.name}</span>
								</button>{" "}
								<button type="button" class="button small secondary" onClick={() => remove(p.id, p.name)} aria-disabled={busy.value}>
									Remove<span class="visually-hidden"> {p.name}</span>
								</button>
							</li>
						),
					)}
				</ul>
			)}
			{passkeysSupported() ? (
				<form onSubmit={add} noValidate>
					<Field
						id="passkeyName"
						label="Name for the new passkey"
						hint="For example: Work laptop, or My phone"
						maxLength={60}
						value={name.value}
						onInput={(v) => {
							name.value = v;
						}}
					/>
					<button type="submit" class="button primary" aria-disabled={busy.value}>
						Add a passkey
					</button>
				</form>
			) : (
				<p class="muted">This browser cannot use passkeys.</p>
			)}
		</section>
	);
}

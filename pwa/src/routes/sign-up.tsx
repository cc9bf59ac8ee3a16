/** Agency sign-up on the platform host: creates the agency and hands the owner over to its own address. */
import { useSignal } from "@preact/signals";
import type { FieldErrors } from "../api/problem";
import { Field } from "../components/field";
import { FormAlert } from "../components/form-alert";
import { signUp } from "../models/session";

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Quick checks before the round trip; the server's rules decide. */
function checkFields(form: Record<string, string>): FieldErrors {
	const errors: FieldErrors = {};
	if ((form.agencyName ?? "").trim().length < 2) errors.agencyName = "must be at least 2 characters";
	const slug = (form.slug ?? "").trim().toLowerCase();
	if (slug.length < 3 || slug.length > 32) errors.slug = "must be 3 to 32 characters";
	else if (!SLUG_PATTERN.test(slug)) errors.slug = "may contain only lower-case letters, digits and inner hyphens";
	if (!(form.name ?? "").trim()) errors.name = "is required";
	if (!/^\S+@\S+\.\S+$/.test((form.email ?? "").trim())) errors.email = "must be a valid email address";
	if ((form.password ?? "").length < 10) errors.password = "must be at least 10 characters";
	return errors;
}

export default function SignUp() {
	const form = useSignal({ agencyName: "", slug: "", name: "", email: "", password: "" });
	const errors = useSignal<FieldErrors>({});
	const alert = useSignal<string | null>(null);
	const busy = useSignal(false);
	const port = window.location.port ? `:${window.location.port}` : "";
	const preview = `${form.value.slug.trim().toLowerCase() || "your-agency"}.${window.location.hostname}${port}`;

	const update = (key: keyof typeof form.value) => (event: Event) => {
		form.value = { ...form.value, [key]: (event.currentTarget as HTMLInputElement).value };
	};

	const submit = async (event: Event) => {
		event.preventDefault();
		const local = checkFields(form.value);
		errors.value = local;
		if (Object.keys(local).length > 0) {
			alert.value = "Please correct the highlighted fields.";
			return;
		}
		busy.value = true;
		alert.value = null;
		const result = await signUp({ ...form.value, slug: form.value.slug.trim().toLowerCase() });
		if (result.ok) {
			window.location.assign(result.value.handoffUrl);
			return;
		}
		busy.value = false;
		errors.value = result.problem.fields;
		alert.value =
			result.problem.status === 429 && result.problem.retryAfterSeconds
				? `Too many sign-ups from here. Try again in ${Math.ceil(result.problem.retryAfterSeconds / 60)} minutes.`
				: result.problem.detail;
	};

	return (
		<main id="main" class="auth-page">
			<div class="auth-card">
				<h1>Create your agency's portal</h1>
				<p class="lead">Your clients get projects, documents and messages in an app with your name on it.</p>
				<form onSubmit={submit} noValidate>
					<FormAlert message={alert.value} />
					<Field
						id="agencyName"
						label="Agency name"
						autoComplete="organization"
						value={form.value.agencyName}
						onInput={update("agencyName")}
						error={errors.value.agencyName}
						required
					/>
					<Field
						id="slug"
						label="Address"
						autoCapitalize="none"
						spellcheck={false}
						value={form.value.slug}
						onInput={update("slug")}
						error={errors.value.slug}
						hint={`Your portal: ${preview}`}
						required
					/>
					<Field
						id="name"
						label="Your name"
						autoComplete="name"
						value={form.value.name}
						onInput={update("name")}
						error={errors.value.name}
						required
					/>
					<Field
						id="email"
						label="Email"
						type="email"
						autoComplete="email"
						value={form.value.email}
						onInput={update("email")}
						error={errors.value.email}
						required
					/>
					<Field
						id="password"
						label="Password"
						type="password"
						autoComplete="new-password"
						value={form.value.password}
						onInput={update("password")}
						error={errors.value.password}
						hint="At least 10 characters. A few words you will remember make a strong password."
						required
					/>
					<button type="submit" class="button primary" disabled={busy.value}>
						{busy.value ? "Creating…" : "Create agency"}
					</button>
				</form>
				<p class="aside">
					Already have an agency? Sign in at your agency's own address, such as {`your-agency.${window.location.hostname}${port}`}.
				</p>
			</div>
		</main>
	);
}

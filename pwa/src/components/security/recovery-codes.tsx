/** Recovery codes, shown once: a list to write down, with copy and download buttons. */
import { useSignal } from "@preact/signals";
import { Button } from "../kit/button";

export function RecoveryCodesView({ codes, agency }: { codes: string[]; agency: string }) {
	const copied = useSignal<string | null>(null);
	const text = `${agency} recovery codes (each works once)\n\n${codes.join("\n")}\n`;
	const copy = async () => {
		try {
			await navigator.clipboard.writeText(text);
			copied.value = "Copied.";
		} catch {
			copied.value = "Copying is not allowed here; select the codes and copy them yourself.";
		}
	};
	const download = () => {
		const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
		const link = document.createElement("a");
		link.href = url;
		link.download = "recovery-codes.txt";
		link.click();
		URL.revokeObjectURL(url);
	};
	return (
		<div class="recovery-codes">
			<p>
				<strong>Save these recovery codes now.</strong> Each signs you in once if you lose your phone. They will not be shown again.
			</p>
			<ul aria-label="Recovery codes" class="code-list">
				{codes.map((code) => (
					<li key={code}>
						<code>{code}</code>
					</li>
				))}
			</ul>
			<Button size="small" onClick={copy}>
				Copy codes
			</Button>{" "}
			<Button size="small" onClick={download}>
				Download codes
			</Button>
			<p role="status">{copied.value}</p>
		</div>
	);
}

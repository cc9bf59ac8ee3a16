/** A checkbox whose third, mixed state (some rows selected) is set on the element, as HTML only allows from script. */
import { useEffect, useRef } from "preact/hooks";

type SelectBoxProps = { label: string; checked: boolean; mixed?: boolean; onChange: () => void; labelVisible?: boolean };

export function SelectBox({ label, checked, mixed = false, onChange, labelVisible = false }: SelectBoxProps) {
	const box = useRef<HTMLInputElement>(null);
	useEffect(() => {
		if (box.current) box.current.indeterminate = mixed;
	}, [mixed]);
	return (
		<label class="kit-table-select-box">
			<input ref={box} type="checkbox" checked={checked} aria-checked={mixed ? "mixed" : checked} onChange={onChange} />
			<span class={labelVisible ? undefined : "visually-hidden"}>{label}</span>
		</label>
	);
}

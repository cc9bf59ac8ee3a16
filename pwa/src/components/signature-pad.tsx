/**
 * A canvas to draw a signature with a finger, pen or mouse. It records the strokes as SVG path data
 * (M/L commands in a 600×200 box), which is what the server stores and renders; a typed name is the
 * keyboard-friendly alternative offered beside it.
 */
import { useRef } from "preact/hooks";
import { Button } from "./kit/button";

const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad({ label, onChange }: { label: string; onChange: (svgPath: string) => void }) {
	const canvas = useRef<HTMLCanvasElement>(null);
	const path = useRef("");
	const drawing = useRef(false);

	const point = (event: PointerEvent): [number, number] => {
		const box = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
		const x = ((event.clientX - box.left) / box.width) * WIDTH;
		const y = ((event.clientY - box.top) / box.height) * HEIGHT;
		return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
	};
	const context = () => {
		const ctx = canvas.current?.getContext("2d");
		if (ctx) {
			ctx.lineWidth = 3;
			ctx.lineCap = "round";
			ctx.strokeStyle = "#111";
		}
		return ctx;
	};
	const down = (event: PointerEvent) => {
		event.preventDefault();
		(event.currentTarget as HTMLCanvasElement).setPointerCapture?.(event.pointerId);
		drawing.current = true;
		const [x, y] = point(event);
		path.current += `${path.current ? " " : ""}M${x} ${y}`;
		context()?.beginPath();
		context()?.moveTo(x, y);
	};
	const move = (event: PointerEvent) => {
		if (!drawing.current) return;
		const [x, y] = point(event);
		path.current += ` L${x} ${y}`;
		const ctx = context();
		ctx?.lineTo(x, y);
		ctx?.stroke();
	};
	const up = () => {
		if (!drawing.current) return;
		drawing.current = false;
		onChange(path.current);
	};
	const clear = () => {
		path.current = "";
		context()?.clearRect(0, 0, WIDTH, HEIGHT);
		onChange("");
	};
	return (
		<div class="signature-pad">
			<canvas
				ref={canvas}
				width={WIDTH}
				height={HEIGHT}
				role="img"
				aria-label={label}
				onPointerDown={down}
				onPointerMove={move}
				onPointerUp={up}
				onPointerLeave={up}
			/>
			<Button size="small" onClick={clear}>
				Clear signature
			</Button>
		</div>
	);
}

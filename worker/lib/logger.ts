/** Structured JSON logs: one object per line, with the request id, so logs can be searched and joined. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
	info(message: string, fields?: LogFields): void;
	warn(message: string, fields?: LogFields): void;
	error(message: string, fields?: LogFields): void;
};

export function createLogger(base: LogFields): Logger {
	const write = (level: "info" | "warn" | "error", message: string, fields?: LogFields) => {
		const line = JSON.stringify({ level, message, time: Date.now(), ...base, ...fields });
		if (level === "error") console.error(line);
		else if (level === "warn") console.warn(line);
		else console.log(line);
	};
	return {
		info: (m, f) => write("info", m, f),
		warn: (m, f) => write("warn", m, f),
		error: (m, f) => write("error", m, f),
	};
}

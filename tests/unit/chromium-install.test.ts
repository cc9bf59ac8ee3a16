/** What the test set-up does when Chromium is missing: install it when it can, else one line saying how. */
import { describe, expect, it } from "vitest";
import { type ChromiumFacts, chromiumAction, DEFAULT_CHROMIUM_PATH } from "../../scripts/lib/chromium";

const missing: ChromiumFacts = {
	path: DEFAULT_CHROMIUM_PATH,
	exists: false,
	isDebianPath: true,
	uid: 1000,
	hasAptGet: true,
	hasPasswordlessSudo: false,
};

describe("chromiumAction", () => {
	it("uses Chromium that is already there", () => {
		expect(chromiumAction({ ...missing, exists: true })).toEqual({ kind: "ready" });
	});

	it("installs Debian's chromium and fonts with apt-get when running as root", () => {
		expect(chromiumAction({ ...missing, uid: 0 })).toEqual({
			kind: "install",
			sudo: false,
			commands: [
				["apt-get", "update", "-qq"],
				["apt-get", "install", "-y", "-qq", "chromium", "fonts-liberation"],
			],
		});
	});

	it("installs through sudo when sudo needs no password", () => {
		const action = chromiumAction({ ...missing, hasPasswordlessSudo: true });
		expect(action).toMatchObject({ kind: "install", sudo: true });
	});

	it("fails with one line naming the apt-get command when it cannot become root", () => {
		const action = chromiumAction(missing);
		expect(action.kind).toBe("fail");
		const message = action.kind === "fail" ? action.message : "";
		expect(message).toContain("sudo apt-get install -y chromium fonts-liberation");
		expect(message).not.toContain("\n");
	});

	it("fails with one line when the machine has no apt-get, even as root", () => {
		const action = chromiumAction({ ...missing, uid: 0, hasAptGet: false });
		expect(action).toMatchObject({ kind: "fail" });
		expect(action.kind === "fail" && action.message).toMatch(/CHROMIUM_PATH/);
	});

	it("never installs for a CHROMIUM_PATH elsewhere, since the package would not put it there", () => {
		const action = chromiumAction({ ...missing, path: "/opt/chrome/chrome", isDebianPath: false, uid: 0 });
		expect(action).toMatchObject({ kind: "fail" });
		expect(action.kind === "fail" && action.message).toContain("/opt/chrome/chrome");
	});
});

/** Where iOS needs Add to Home Screen instructions instead of an install prompt. */
import { describe, expect, it } from "vitest";
import { isIosSafari } from "../../pwa/src/models/install";

const IPHONE_SAFARI =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const IPAD_AS_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
const IPHONE_CHROME =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

describe("iOS install instructions", () => {
	it("are for Safari on iPhone and iPad (even when the iPad says it is a Mac)", () => {
		expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true);
		expect(isIosSafari(IPAD_AS_MAC, 5)).toBe(true);
	});

	it("are not for a real Mac, other iOS browsers or Android", () => {
		expect(isIosSafari(IPAD_AS_MAC, 0)).toBe(false);
		expect(isIosSafari(IPHONE_CHROME, 5)).toBe(false);
		expect(isIosSafari(ANDROID_CHROME, 5)).toBe(false);
	});
});

/** Which addresses are one mailbox (the self-referral check compares these keys). */
import { describe, expect, it } from "vitest";
import { mailboxKey } from "../../worker/services/billing/mailbox-key";

describe("mailboxKey", () => {
	it("ignores case, surrounding spaces and a +tag in the local part", () => {
		expect(mailboxKey(" Ann@Acme.test ")).toBe("ann@acme.test");
		expect(mailboxKey("ann+referral@acme.test")).toBe("ann@acme.test");
		expect(mailboxKey("Ann+a+b@ACME.test")).toBe("ann@acme.test");
	});

	it("ignores dots for Gmail and reads googlemail.com as gmail.com", () => {
		expect(mailboxKey("a.n.n@gmail.com")).toBe("ann@gmail.com");
		expect(mailboxKey("A.nn+x@GoogleMail.com")).toBe("ann@gmail.com");
		expect(mailboxKey("ann@gmail.com.")).toBe("ann@gmail.com");
	});

	it("keeps dots elsewhere, and tells different mailboxes apart", () => {
		expect(mailboxKey("a.nn@acme.test")).toBe("a.nn@acme.test");
		expect(mailboxKey("a.nn@acme.test")).not.toBe(mailboxKey("ann@acme.test"));
		expect(mailboxKey("ann@gmail.com")).not.toBe(mailboxKey("ann@gmail.co"));
		expect(mailboxKey("bob@gmail.com")).not.toBe(mailboxKey("ann@gmail.com"));
	});

	it("leaves a local part that is only a tag, and text without a mailbox, as typed (lower-cased)", () => {
		expect(mailboxKey("+tag@acme.test")).toBe("+tag@acme.test");
		expect(mailboxKey("not-an-address")).toBe("not-an-address");
	});
});

/** A person at the fake identity providers (tests/fakes/oauth-providers.ts); types only, so worker tests can import it. */
export type FakeProfile = {
	sub: string;
	email: string;
	emailVerified: boolean;
	name: string;
	/** GitHub: the account's addresses as /user/emails lists them. */
	emails?: { email: string; primary: boolean; verified: boolean }[];
	/** OpenID Connect: the id_token's `amr` (RFC 8176 methods, e.g. ["pwd", "mfa"]) and `acr`; omitted when not given. */
	amr?: string[];
	acr?: string;
};

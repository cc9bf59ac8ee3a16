/** What the fake AI providers answer: keys they accept, the usage they report and the words they stream. Shared by the fake and the tests. */
export const FAKE_KEYS = { openai: "test-openai-key", anthropic: "test-anthropic-key" } as const;
export const FAKE_USAGE = { openai: { input: 1000, output: 500 }, anthropic: { input: 2000, output: 1000 } } as const;
export const FAKE_WORDS = {
	openai: ["Hello", " from", " the", " OpenAI", " fake."],
	anthropic: ["Hi", " from", " the", " Anthropic", " fake."],
} as const;
/** What `GET …/models` lists (the "check key" call): OpenAI's names, and a model only an OpenAI-compatible endpoint would serve. */
export const FAKE_MODELS = {
	openai: ["gpt-4o-mini", "gpt-4o", "fake-llama-3.3-70b"],
	anthropic: ["claude-haiku-4-5", "claude-sonnet-4-5"],
} as const;

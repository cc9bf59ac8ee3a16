/** How the Usage page names what used credits: a feature's label ("assistant" → "Assistant"), shared by its tables and charts. */

const FEATURE_LABELS: Record<string, string> = { assistant: "Assistant", export: "Exports", api: "API calls" };

export function featureName(feature: string): string {
	return FEATURE_LABELS[feature] ?? (feature ? feature[0]?.toUpperCase() + feature.slice(1) : "Other");
}

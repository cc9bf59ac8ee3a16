/**
 * Loads a chart's code the first time one is shown, so no chart is in the first page's JavaScript
 * (the 60 KB budget, pwa/initial-js-budget.ts). Shows the kit Skeleton while the code arrives and a
 * sentence if it cannot (offline before it was ever cached); the page around it keeps working.
 */
import type { ComponentType, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Skeleton } from "../skeleton";

export function lazyChart<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
	let loaded: ComponentType<P> | null = null;
	let loading: Promise<ComponentType<P>> | null = null;
	return function LazyChart(props: P) {
		const [Chart, setChart] = useState<ComponentType<P> | null>(() => loaded);
		const [failed, setFailed] = useState(false);
		useEffect(() => {
			if (Chart) return;
			let live = true;
			loading ??= load().then((component) => {
				loaded = component;
				return component;
			});
			loading.then(
				(component) => live && setChart(() => component),
				() => {
					loading = null;
					if (live) setFailed(true);
				},
			);
			return () => {
				live = false;
			};
		}, [Chart]);
		if (Chart) return <Chart {...props} />;
		if (failed) return <p class="field-hint">This chart could not be loaded. Check the connection and open the page again.</p>;
		return <Skeleton lines={4} />;
	};
}

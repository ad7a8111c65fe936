// Every register page, and its data requests, answer `Cache-Control:
// no-store`: what an authority's register holds must not stay in a browser's
// or a proxy's cache after the session ends. (The downloads set it themselves.)
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ setHeaders }) => {
	setHeaders({ 'Cache-Control': 'no-store' });
};

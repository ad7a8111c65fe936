// Routes are written without a language prefix; a URL carries one (/es/…).
// This maps the URL to its route on the server and in the browser alike.
import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from './lib/paraglide/runtime.js';

export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;

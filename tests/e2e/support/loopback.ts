// Whether a URL stays on this machine: loopback hosts only (127.0.0.0/8,
// localhost, ::1). Schemes that never reach the network (data:, blob:,
// about:) count as local.
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export function isLoopbackUrl(text: string): boolean {
	const url = URL.parse(text);
	if (url === null) return false;
	if (!NETWORK_SCHEMES.has(url.protocol)) return true;
	const host = url.hostname.toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (host === '[::1]') return true;
	const octets = host.split('.');
	return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

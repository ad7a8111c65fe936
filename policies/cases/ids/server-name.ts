// A Matrix server name, split and checked: host [":" port], the host a DNS
// name, an IPv4 literal or a bracketed IPv6 literal (spec, Appendices,
// "Server Name"). What sign-in reads from a typed Matrix ID and what the user,
// room and event ID parsers accept as a server part.
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const DNS_LABEL = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?$/;

export type HostKind = 'dns' | 'ipv4' | 'ipv6';

export interface ServerParts {
	/** The host without port; an IPv6 literal keeps its brackets. */
	readonly host: string;
	readonly port: number | undefined;
	readonly hostKind: HostKind;
}

/** Splits and checks a server name; undefined when it is none. */
export function parseServerName(serverName: string): ServerParts | undefined {
	const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(serverName);
	if (match === null) return undefined;
	const host = match[1] ?? '';
	const port = match[2] === undefined ? undefined : Number(match[2]);
	if (port !== undefined && (port < 1 || port > 65535)) return undefined;
	if (IPV6.test(host)) return { host, port, hostKind: 'ipv6' };
	const ipv4 = IPV4.exec(host);
	if (ipv4 !== null) return ipv4.slice(1).every((octet) => Number(octet) <= 255) ? { host, port, hostKind: 'ipv4' } : undefined;
	const labels = host.split('.');
	// NOTE: a trailing dot ("example.org.") is a valid DNS name but not a valid Matrix server name.
	if (host.length > 253 || !labels.every((label) => DNS_LABEL.test(label))) return undefined;
	// A name of digits and dots only that is not an IPv4 literal ("1.2.3") is not a host anyone means.
	if (/^[\d.]+$/.test(host)) return undefined;
	return { host, port, hostKind: 'dns' };
}

// A federation has a handful of servers and every parsed ID names one, so the
// answers are remembered (the fold parses a sender and a room ID per event).
// Bounded: a flood of distinct names only empties the memory now and then.
const known = new Map<string, boolean>();
const KNOWN_MAX = 1024;

export function isServerName(value: string): boolean {
	const remembered = known.get(value);
	if (remembered !== undefined) return remembered;
	const answer = parseServerName(value) !== undefined;
	if (known.size >= KNOWN_MAX) known.clear();
	known.set(value, answer);
	return answer;
}

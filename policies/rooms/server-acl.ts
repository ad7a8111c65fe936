// The server ACL of a room that only its parties' homeservers may take part
// in (ARCHITECTURE.md, decision 6). Matrix ACLs name hosts without ports, so
// the port of a server name is dropped; IP-literal server names (the local
// federation's) are allowed only when the room's parties use them.
// NOTE: an ACL whose `allow` is empty locks everyone out, its sender
// included (Matrix spec, m.room.server_acl) — so an empty party list is
// refused rather than turned into a room nobody can use.
import { err, ok, type Result } from '../result.ts';

export interface ServerAclContent {
	readonly allow: readonly string[];
	readonly deny: readonly string[];
	readonly allow_ip_literals: boolean;
	/** See aclRevision below; not case data, only a counter. */
	readonly [ACL_REVISION]?: number;
}

/**
 * NOTE: Synapse 1.163 caches each room's ACL evaluator and clears that cache
 * only when an ACL event arrives through ordinary federation. A server that
 * joins a room checks the inviter's ACL first (no state yet: "no ACL" is
 * cached) and then receives the room's state through send_join, which does
 * not clear the cache — so until a new ACL event reaches it, it enforces no
 * ACL at all and would let a non-party server join through it. The room's
 * admin therefore re-issues the ACL after each party server joins, with this
 * revision counter raised (Synapse drops a state event identical to the
 * current one, so the content must change). Found by
 * tests/integration/case-room-acl.test.ts.
 */
export const ACL_REVISION = 'org.rogatory.acl_revision';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/i;

/** The host of a Matrix server name: `example.org:8448` → `example.org`, `[::1]:8448` → `[::1]`. */
export function hostOf(serverName: string): string {
	if (serverName.startsWith('[')) return serverName.slice(0, serverName.indexOf(']') + 1);
	const colon = serverName.lastIndexOf(':');
	return colon === -1 ? serverName : serverName.slice(0, colon);
}

export const isIpLiteral = (host: string): boolean => IPV4.test(host) || IPV6.test(host);

/**
 * An ACL naming exactly the parties' hosts; ACL wildcards in a server name are refused.
 * NOTE: a party whose server name carries an explicit port is also listed
 * with that port, verbatim. Synapse 1.163 checks a new ACL against its own
 * full server name, port included (events/validator.py), and refuses
 * "an ACL event that denies the local server" otherwise, while every other
 * check — its own and the spec's — compares hosts without ports. The extra
 * entry matches no host, so it admits nobody else.
 */
export function partiesOnlyAcl(partyServers: readonly string[], revision = 0): Result<ServerAclContent, string> {
	const hosts = [...new Set(partyServers.map(hostOf))];
	if (hosts.length === 0) return err('a case room needs at least one party server: an empty ACL would lock everyone out');
	const wild = partyServers.find((name) => /[*?]/.test(name) || hostOf(name).length === 0);
	if (wild !== undefined) return err(`"${wild}" is not a server name (ACL wildcards are not allowed for parties)`);
	const withPorts = partyServers.filter((name) => name !== hostOf(name));
	const allow = [...new Set([...hosts, ...withPorts])].sort();
	return ok({ allow, deny: [], allow_ip_literals: hosts.some(isIpLiteral), ...(revision > 0 ? { [ACL_REVISION]: revision } : {}) });
}

/** The same parties' ACL, re-issued with the next revision, so every party server re-reads it (see ACL_REVISION). */
export function reissuedAcl(current: ServerAclContent): ServerAclContent {
	const revision = typeof current[ACL_REVISION] === 'number' ? current[ACL_REVISION] : 0;
	return { ...current, [ACL_REVISION]: revision + 1 };
}

/** Whether the ACL lets `serverName` take part, with the spec's matching rules (ports ignored, * and ? wildcards). */
export function aclAllows(acl: ServerAclContent, serverName: string): boolean {
	const host = hostOf(serverName);
	if (!acl.allow_ip_literals && isIpLiteral(host)) return false;
	const matches = (pattern: string): boolean =>
		new RegExp(
			`^${pattern
				.replace(/[.+^${}()|[\]\\]/g, '\\$&')
				.replace(/\*/g, '.*')
				.replace(/\?/g, '.')}$`,
			'i',
		).test(host);
	return !acl.deny.some(matches) && acl.allow.some(matches);
}

/** Whether two ACLs admit the same hosts (their revision counters aside). */
export function sameParties(a: ServerAclContent, b: ServerAclContent): boolean {
	const same = (x: readonly string[], y: readonly string[]): boolean =>
		x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
	return a.allow_ip_literals === b.allow_ip_literals && same(a.allow, b.allow) && same(a.deny, b.deny);
}

/** `wanted` as the room's next ACL after `current`: its revision raised past the current one, so the event is new to every server. */
export function nextAcl(current: ServerAclContent | undefined, wanted: ServerAclContent): ServerAclContent {
	const revision = typeof current?.[ACL_REVISION] === 'number' ? current[ACL_REVISION] : 0;
	return { ...wanted, [ACL_REVISION]: revision + 1 };
}

/** The content of an `m.room.server_acl` as a room holds it, or undefined when it is not one. */
export function readAcl(content: unknown): ServerAclContent | undefined {
	if (typeof content !== 'object' || content === null) return undefined;
	const c = content as Record<string, unknown>;
	const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
	const allow = c['allow'] ?? [];
	const deny = c['deny'] ?? [];
	if (!strings(allow) || !strings(deny)) return undefined;
	const revision = c[ACL_REVISION];
	return {
		allow,
		deny,
		allow_ip_literals: c['allow_ip_literals'] !== false,
		...(typeof revision === 'number' ? { [ACL_REVISION]: revision } : {}),
	};
}

import { describe, expect, it } from 'vitest';
import { isCaseReference, parseCaseReference, parseTransitionId } from './case.ts';
import { parseAuthorityId, parseOffenceCode, parseStatusId, parseWorkflowId } from './codes.ts';
import { isServerName, localpartOf, parseEventId, parseRoomId, parseUserId, serverNameOf } from './matrix.ts';
import { parseServerName } from './server-name.ts';

describe('Matrix identifiers', () => {
	it.each(['@ana.lopez:matrix.mp.gt.rogatory.example', '@bot:127.0.20.1:28448', '@x:[::1]:8448', '@Old_Style!:example.org'])(
		'accepts the user ID %s',
		(id) => {
			expect(parseUserId(id).ok).toBe(true);
		},
	);

	it.each([
		'ana:example.org',
		'@ana',
		'@:example.org',
		'@ana:',
		'@ana:exa mple.org',
		'@ana:example.org:99999',
		`@${'a'.repeat(260)}:x.org`,
		42,
		null,
	])('refuses %s as a user ID', (id) => {
		expect(parseUserId(id).ok).toBe(false);
	});

	it('splits the server name at the first colon, ports and IPv6 literals included', () => {
		const id = parseUserId('@bot:[2001:db8::1]:8448');
		expect(id.ok && serverNameOf(id.value)).toBe('[2001:db8::1]:8448');
		expect(serverNameOf('@a:127.0.0.1:8448')).toBe('127.0.0.1:8448');
		expect(serverNameOf('no-colon')).toBe('');
	});

	it('reads the localpart before the first colon', () => {
		expect(localpartOf('@Amina.Bello:127.0.20.2:28448')).toBe('Amina.Bello');
		expect(localpartOf('@bot:[::1]:8448')).toBe('bot');
	});

	it('accepts room IDs of room versions before and from 12 (MSC4291)', () => {
		expect(parseRoomId('!abc123:matrix.example.gt').ok).toBe(true);
		expect(parseRoomId('!31hneApxJ_1o-63DmFrpeqnkFfWppnzWso1JvH3ogLM').ok).toBe(true);
		expect(parseRoomId('#alias:example.org').ok).toBe(false);
		expect(parseRoomId('!abc:bad host').ok).toBe(false);
	});

	it('accepts event IDs of every room version', () => {
		expect(parseEventId('$Qm2Yg_Z4s-9Fh').ok).toBe(true);
		expect(parseEventId('$local:example.org').ok).toBe(true);
		expect(parseEventId('$').ok).toBe(false);
		expect(parseEventId('$has space').ok).toBe(false);
	});

	it('checks server names', () => {
		expect(isServerName('127.0.20.1:28448')).toBe(true);
		expect(isServerName('300.1.1.1')).toBe(false);
		expect(isServerName('[::1]')).toBe(true);
		expect(isServerName('example.org.')).toBe(false);
		expect(isServerName('-bad.example')).toBe(false);
	});

	it('gives the same answers when asked again, through a flood of distinct names', () => {
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < 3000; i++) {
				expect(isServerName(`host-${i}.example:${1 + (i % 65535)}`)).toBe(true);
				expect(isServerName(`bad_${i}.example`)).toBe(false);
			}
			expect(isServerName('300.1.1.1')).toBe(false);
			expect(isServerName('127.0.20.1:28448')).toBe(true);
		}
	});

	it('splits server names into host, port and kind, and knows IPv4 from names that only look numeric', () => {
		expect(parseServerName('127.0.0.1')?.hostKind).toBe('ipv4');
		expect(parseServerName('1.2.3')).toBeUndefined();
		expect(parseServerName('localhost:8008')).toEqual({ host: 'localhost', port: 8008, hostKind: 'dns' });
		expect(parseServerName('[2001:db8::1]:8448')).toEqual({ host: '[2001:db8::1]', port: 8448, hostKind: 'ipv6' });
	});
});

describe('case identifiers', () => {
	it.each(['MP-FECO-2025-0113', 'CA/MLA/2025/041', 'ГП-2025/17', '№ 12 (2025)'])('accepts the reference %s', (ref) => {
		expect(isCaseReference(ref)).toBe(true);
	});

	it.each(['', ' MP-1', 'MP-1 ', 'a\nb', '-MP', 'x'.repeat(65), 7])('refuses %j as a reference', (ref) => {
		expect(parseCaseReference(ref).ok).toBe(false);
	});

	it('takes event IDs as transition IDs', () => {
		expect(parseTransitionId('$abc').ok).toBe(true);
		expect(parseTransitionId('abc').ok).toBe(false);
	});

	it('checks codes by grammar', () => {
		expect(parseStatusId('under-execution').ok).toBe(true);
		expect(parseStatusId('Under Execution').ok).toBe(false);
		expect(parseWorkflowId('mla.refco.v1').ok).toBe(true);
		expect(parseWorkflowId('mla').ok).toBe(false);
		expect(parseOffenceCode('cybercrime.sextortion').ok).toBe(true);
		expect(parseOffenceCode('cybercrime..x').ok).toBe(false);
		expect(parseAuthorityId('gt-mp').ok).toBe(true);
		expect(parseAuthorityId('GT').ok).toBe(false);
	});
});

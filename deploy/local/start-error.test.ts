import { describe, expect, it } from 'vitest';
import { addressUnavailableError, diedError, portInUseError, profileBusyError, timeoutError } from './start-error.ts';

describe('start errors', () => {
	it('names the port, the holder and the way out when a port is taken', () => {
		const error = portInUseError('start', 'gt-mp', '127.0.10.1', 18008, 'pid 4242 (node)');
		expect(error.kind).toBe('port-in-use');
		expect(error.message).toContain('Port 18008 on 127.0.10.1');
		expect(error.message).toContain('pid 4242 (node)');
		expect(error.message).toContain('`npm start`');
		expect(error.message).toContain('kill 4242');
		expect(error.message).not.toContain('\n');
	});

	it('says how to find the holder when it is unknown', () => {
		expect(portInUseError('test', 'ng-ca', '127.0.20.2', 28448, undefined).message).toContain("ss -ltnp 'sport = :28448'");
	});

	it('tells which process already runs a profile', () => {
		expect(profileBusyError('bench', 77).message).toMatch(/already running.*process 77.*npm run bench/);
	});

	it('explains loopback aliases on macOS', () => {
		expect(addressUnavailableError('127.0.20.3').message).toContain('ifconfig lo0 alias 127.0.20.3');
	});

	it('quotes the last log lines and the log paths of a homeserver that died', () => {
		const error = diedError('kz-gpo', 'exit code 1', '/d/homeserver.log', '/d/console.log', 'ConfigError: bad\nmore');
		expect(error.message).toContain('kz-gpo stopped while starting (exit code 1)');
		expect(error.message).toContain('    ConfigError: bad\n    more');
		expect(error.message).toContain('/d/homeserver.log');
	});

	it('lists the homeservers that did not answer in time', () => {
		expect(timeoutError(['a', 'b'], 180, ['/a.log', '/b.log']).message).toMatch(/^Homeservers a, b did not answer within 180 s/);
	});
});

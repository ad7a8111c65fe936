import { describe, expect, it } from 'vitest';
import { productionHomeserverConfig } from '../homeserver.ts';
import { DEFAULT_PRODUCTION_OPTIONS } from '../options.ts';
import { demoRoster } from '../../../policies/roster/testing/demo.ts';
import type { Result } from '../../../policies/result.ts';
import { adminEnds } from './homeserver-ends.ts';

const refusal = (result: Result<unknown, string>): string => (result.ok ? 'accepted' : result.error);
const gt = demoRoster.authorities.find((a) => a.id === 'gt-mp')!;

describe('adminEnds', () => {
	it('reads the generated homeserver.yaml: its name, its secret file and the main process’s loopback listener', () => {
		const config = productionHomeserverConfig(demoRoster, gt, DEFAULT_PRODUCTION_OPTIONS);
		expect(adminEnds(config, 'homeserver.yaml')).toEqual({
			ok: true,
			value: {
				serverName: gt.homeserver,
				sharedSecretPath: '/etc/matrix-synapse/secrets/registration_shared_secret',
				adminUrl: `http://127.0.0.1:${DEFAULT_PRODUCTION_OPTIONS.mainPort}`,
			},
		});
	});

	it('refuses a file without what it needs, saying which', () => {
		expect(refusal(adminEnds('text', 'h.yaml'))).toContain('not a homeserver.yaml');
		expect(refusal(adminEnds({ registration_shared_secret_path: '/s' }, 'h.yaml'))).toContain('no server_name');
		expect(refusal(adminEnds({ server_name: 'a.example' }, 'h.yaml'))).toContain('registration_shared_secret_path');
		const open = {
			server_name: 'a.example',
			registration_shared_secret_path: '/s',
			listeners: [{ port: 8008, type: 'http', bind_addresses: ['0.0.0.0'], resources: [{ names: ['client'] }] }],
		};
		expect(refusal(adminEnds(open, 'h.yaml'))).toContain('loopback only');
		const replication = {
			...open,
			listeners: [{ port: 9093, type: 'http', bind_addresses: ['127.0.0.1'], resources: [{ names: ['replication'] }] }],
		};
		expect(refusal(adminEnds(replication, 'h.yaml'))).toContain('client API');
	});
});

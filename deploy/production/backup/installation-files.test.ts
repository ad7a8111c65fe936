import { describe, expect, it } from 'vitest';
import { copyInBackup } from './installation-files.ts';

const folders = { synapse: '/etc/matrix-synapse', rogatory: '/etc/rogatory' };

describe("where a restore reads the installation's files from the backup", () => {
	it('finds homeserver.yaml and the site file in the copies of their folders', () => {
		expect(copyInBackup('/etc/matrix-synapse/homeserver.yaml', '/b', folders)).toBe('/b/synapse-config/homeserver.yaml');
		expect(copyInBackup('/etc/rogatory/site.yaml', '/b', folders)).toBe('/b/rogatory-config/site.yaml');
	});

	it('takes the deepest folder when one is inside the other', () => {
		const nested = { synapse: '/srv/etc', rogatory: '/srv/etc/rogatory' };
		expect(copyInBackup('/srv/etc/rogatory/site.yaml', '/b', nested)).toBe('/b/rogatory-config/site.yaml');
		expect(copyInBackup('/srv/etc/homeserver.yaml', '/b', nested)).toBe('/b/synapse-config/homeserver.yaml');
	});

	it('has none for a file outside both folders, or a folder itself', () => {
		expect(copyInBackup('/home/site.yaml', '/b', folders)).toBeUndefined();
		expect(copyInBackup('/etc/matrix-synapse-old/homeserver.yaml', '/b', folders)).toBeUndefined();
		expect(copyInBackup('/etc/rogatory', '/b', folders)).toBeUndefined();
	});
});

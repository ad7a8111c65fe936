// The HMAC Synapse's shared-secret registration endpoint
// (POST /_synapse/admin/v1/register) expects: HMAC-SHA1, keyed with the
// registration_shared_secret, over nonce \0 username \0 password \0
// "admin"|"notadmin", as lowercase hex.
import { createHmac } from 'node:crypto';

export function registrationMac(secret: string, nonce: string, username: string, password: string, admin: boolean): string {
	return createHmac('sha1', secret)
		.update(nonce)
		.update('\0')
		.update(username)
		.update('\0')
		.update(password)
		.update('\0')
		.update(admin ? 'admin' : 'notadmin')
		.digest('hex');
}

// The nginx site for an authority's production installation. The
// homeserver's host on 443 (clients and federation) and 8448 (federation's
// default port): requests routed to the workers of worker-set.ts by path,
// everything else to the main process; `.well-known` delegation (server and
// client) so peers and clients find it on 443; the admin API answers the
// host itself only; uploads stop at the web client's attachment limit, as
// Synapse's max_upload_size does; sign-in and registration are rate-limited
// per address, the client API as a whole generously; nginx names no version
// and adds the security headers of security-headers.ts. The web app's host
// is proxied to adapter-node on loopback (it sets its own headers). Pure.
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import type { Authority } from '../../policies/roster/types.ts';
import type { ProductionOptions } from './options.ts';
import { securityHeaderLines } from './security-headers.ts';
import { MEDIA_ADMIN_ROUTE, productionWorkers, type WorkerSpec } from './worker-set.ts';

/** Request rates per client address (nginx limit_req). */
export const RATE_LIMITS = {
	/** Password sign-in, registration and password changes: guessing is slowed, a person retyping is not. */
	signIn: { rate: '10r/m', burst: 10 },
	/** Everything else under /_matrix/client: room for a busy web client's bursts. */
	client: { rate: '50r/s', burst: 200 },
} as const;

const SIGN_IN_PATHS = '^/_matrix/client/(api/v1|r0|v3|unstable)/(login|register|account/password)';

/** Prefixed like the zones: two homeservers on one nginx keep their upstreams apart. */
const upstreamName = (zone: string, worker: WorkerSpec): string => `${zone}_${worker.name}`;

/** A name nginx accepts for zones and upstreams, unique per homeserver on one nginx. */
export const zonePrefix = (serverName: string): string => serverName.replace(/[^A-Za-z0-9]/g, '_');

/**
 * NOTE: `ssl http2` on the listen line, not `http2 on;`: Debian 12's nginx
 * (1.22) knows only this form; nginx from 1.25.1 still accepts it, with a
 * deprecation warning.
 */
function listen(o: ProductionOptions, port: number): string {
	if (o.listenAddress === undefined) return `\tlisten ${port} ssl http2;\n\tlisten [::]:${port} ssl http2;`;
	const address = o.listenAddress.includes(':') ? `[${o.listenAddress}]` : o.listenAddress;
	return `\tlisten ${address}:${port} ssl http2;`;
}

function tls(o: ProductionOptions): string {
	return `\tssl_certificate ${o.tlsCertificate};
	ssl_certificate_key ${o.tlsCertificateKey};
	ssl_protocols TLSv1.2 TLSv1.3;
	ssl_prefer_server_ciphers off;
	ssl_session_tickets off;
	server_tokens off;`;
}

const PROXY = `\tproxy_http_version 1.1;
	proxy_set_header Connection "";
	proxy_set_header Host $host;
	proxy_set_header X-Forwarded-For $remote_addr;
	proxy_set_header X-Forwarded-Proto $scheme;`;

function homeserverLocations(zone: string, workers: readonly WorkerSpec[]): string {
	const media = workers.find((w) => w.kind === 'media_repository');
	const routed = workers.flatMap((w) =>
		w.routes.map((re) => {
			const limited = re.startsWith('^/_matrix/client') ? `limit_req zone=${zone}_client burst=${RATE_LIMITS.client.burst} nodelay; ` : '';
			return `\tlocation ~ ${re} { ${limited}proxy_pass http://${upstreamName(zone, w)}; }`;
		}),
	);
	const mediaAdmin =
		media === undefined
			? ''
			: `\t\tlocation ~ ${MEDIA_ADMIN_ROUTE} {\n\t\t\tallow 127.0.0.1;\n\t\t\tallow ::1;\n\t\t\tdeny all;\n\t\t\tproxy_pass http://${upstreamName(zone, media)};\n\t\t}\n`;
	return `\t# The admin API: from this host only (an administrator's tools run here, or reach it through an SSH tunnel).
	location ^~ /_synapse/admin {
		allow 127.0.0.1;
		allow ::1;
		deny all;
${mediaAdmin}		proxy_pass http://${zone}_main;
	}
	location ~ ${SIGN_IN_PATHS} {
		limit_req zone=${zone}_sign_in burst=${RATE_LIMITS.signIn.burst} nodelay;
		proxy_pass http://${zone}_main;
	}
${routed.join('\n')}
	location ~ ^/_matrix/client { limit_req zone=${zone}_client burst=${RATE_LIMITS.client.burst} nodelay; proxy_pass http://${zone}_main; }
	location ~ ^(/_matrix|/_synapse/client) { proxy_pass http://${zone}_main; }`;
}

function wellKnown(name: string, o: ProductionOptions): string {
	const json = (body: unknown) => JSON.stringify(body).replace(/'/g, "\\'");
	const headers = `${securityHeaderLines('\t\t')}\n\t\tadd_header Access-Control-Allow-Origin "*" always;`;
	return `\t# Delegation: peers and clients find the homeserver on ${o.httpsPort} (Matrix spec, server discovery).
	location = /.well-known/matrix/server {
		default_type application/json;
${headers}
		return 200 '${json({ 'm.server': `${name}:${o.httpsPort}` })}';
	}
	location = /.well-known/matrix/client {
		default_type application/json;
${headers}
		return 200 '${json({ 'm.homeserver': { base_url: `https://${name}` } })}';
	}`;
}

export interface NginxSiteInput {
	readonly authority: Authority;
	/** The web app's public URL (the site file's urls.web, https). */
	readonly webUrl: URL;
}

export function nginxSite({ authority, webUrl }: NginxSiteInput, o: ProductionOptions): string {
	const name = authority.homeserver;
	const zone = zonePrefix(name);
	const workers = productionWorkers(o);
	const upstreams = workers
		.filter((w) => w.http !== undefined)
		.map((w) => `upstream ${upstreamName(zone, w)} { server 127.0.0.1:${w.http?.port}; keepalive 16; }`);
	const homeserverCommon = `${tls(o)}
	client_max_body_size ${MAX_ATTACHMENT_BYTES};
${PROXY}
${securityHeaderLines('\t')}

${homeserverLocations(zone, workers)}`;
	return `# nginx site for ${name} (${authority.name}) and its web app ${webUrl.host}.
# Generated by deploy/production from the roster and the site file: change
# those and regenerate, do not edit. Install as /etc/nginx/conf.d/${name}.conf
# (it is read in nginx's http context).

limit_req_zone $binary_remote_addr zone=${zone}_sign_in:10m rate=${RATE_LIMITS.signIn.rate};
limit_req_zone $binary_remote_addr zone=${zone}_client:10m rate=${RATE_LIMITS.client.rate};
limit_req_status 429;

upstream ${zone}_main { server 127.0.0.1:${o.mainPort}; keepalive 16; }
${upstreams.join('\n')}
upstream ${zone}_web { server 127.0.0.1:${o.webPort}; keepalive 16; }

server {
${listen(o, o.httpsPort)}
	server_name ${name};
${homeserverCommon}
${wellKnown(name, o)}
	location / { return 404; }
}

server {
${listen(o, o.federationPort)}
	server_name ${name};
${homeserverCommon}
	location / { return 404; }
}

server {
${listen(o, o.httpsPort)}
	server_name ${webUrl.hostname};
${tls(o)}
	client_max_body_size ${MAX_ATTACHMENT_BYTES};
${PROXY}
	location / { proxy_pass http://${zone}_web; }
}
`;
}

// Where an mxc:// medium is downloaded from: authenticated media
// (`/_matrix/client/v1/media/download/<server>/<media id>`) under the
// client's base URL. NOTE: not the SDK's mxcUrlToHttp: it resolves the path
// against the base URL's origin and drops its path, so through the app's
// proxy (`<origin>/matrix/<server name>`, homeserver/same-origin.ts) it would
// ask the app itself. An mxc URL that is not exactly `mxc://<server>/<id>`
// gives no URL at all.

const MXC = /^mxc:\/\/([A-Za-z0-9.:[\]-]+)\/([A-Za-z0-9_-]+)$/;

export function mediaDownloadUrl(baseUrl: string, mxc: string): string | undefined {
	const match = MXC.exec(mxc);
	if (match === null) return undefined;
	const [, server = '', mediaId = ''] = match;
	return `${baseUrl.replace(/\/+$/, '')}/_matrix/client/v1/media/download/${encodeURIComponent(server)}/${mediaId}`;
}

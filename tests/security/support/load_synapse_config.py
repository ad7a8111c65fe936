"""Loads production homeserver configs with Synapse's own config classes.

Run with the Synapse venv's Python:
    python load_synapse_config.py <homeserver.yaml> [<worker.yaml> ...]

First generates what Synapse generates on a fresh host (`--generate-keys`:
the signing key), then parses homeserver.yaml alone (the main process) and
homeserver.yaml with each worker file (as `synapse.app.generic_worker -c
homeserver.yaml -c workers/<name>.yaml` does), all with
`--no-secrets-in-config`, so a secret written inline is refused. Prints one
JSON object with the values Synapse parsed.

NOTE: the Redis client libraries (matrix-synapse[redis]: txredisapi, hiredis)
are not in the development venv, and Synapse checks that they are installed
while it reads the `redis` section. That check alone is replaced by one that
records it was asked; everything else in the section (host, port, reading
password_path) is Synapse's own code. PostgreSQL is not contacted: reading
the `database` section does not connect.
"""

import contextlib
import json
import sys

import synapse.config.redis as redis_section

redis_checks = []
_check_requirements = redis_section.check_requirements


def _check_requirements_except_redis(extra=None):
    if extra == "redis":
        redis_checks.append(extra)
        return
    _check_requirements(extra)


redis_section.check_requirements = _check_requirements_except_redis

from synapse.config.homeserver import HomeServerConfig  # noqa: E402


def load(paths):
    args = []
    for path in paths:
        args += ["-c", path]
    return HomeServerConfig.load_config("rogatory production config check", args + ["--no-secrets-in-config"])


def listeners(configured):
    return [
        {
            "type": listener.type,
            "port": listener.port,
            "bind_addresses": list(listener.bind_addresses),
            # A metrics listener has no HTTP resources.
            "resources": sorted(
                name for resource in (listener.http_options.resources if listener.http_options else []) for name in resource.names
            ),
        }
        for listener in configured
    ]


def describe(config):
    server = config.server
    return {
        "server_name": server.server_name,
        "listeners": listeners(config.server.listeners),
        "worker_listeners": listeners(config.worker.worker_listeners),
        "database_engine": config.database.databases[0].config["name"],
        "require_auth_for_profile_requests": server.require_auth_for_profile_requests,
        "limit_profile_requests_to_users_who_share_rooms": server.limit_profile_requests_to_users_who_share_rooms,
        "include_profile_data_on_invite": server.include_profile_data_on_invite,
        "presence_enabled": server.presence_enabled,
        "encrypted_presets": sorted(config.room.encryption_enabled_by_default_for_room_presets),
        "forget_on_leave": config.room.forget_on_leave,
        "user_ips_max_age_ms": server.user_ips_max_age,
        "redaction_retention_period_ms": server.redaction_retention_period,
        # Read only where the media repository runs (the media worker; enable_media_repo is false elsewhere).
        "max_upload_size": getattr(config.media, "max_upload_size", None),
        "federation_domain_whitelist": sorted(config.federation.federation_domain_whitelist or []),
        "signing_keys": len(config.key.signing_key),
        "macaroon_secret_key": config.key.macaroon_secret_key.decode() if isinstance(config.key.macaroon_secret_key, bytes) else config.key.macaroon_secret_key,
        "form_secret": config.key.form_secret,
        "worker_replication_secret": config.worker.worker_replication_secret,
        "redis": {
            "enabled": config.redis.redis_enabled,
            "host": config.redis.redis_host,
            "port": config.redis.redis_port,
            "password": config.redis.redis_password,
        },
        "worker_app": config.worker.worker_app,
        "worker_name": config.worker.worker_name,
        "instance_map": {name: {"host": loc.host, "port": loc.port} for name, loc in config.worker.instance_map.items()},
        "federation_sender_instances": list(config.worker.federation_shard_config.instances),
    }


def main(homeserver, workers):
    # What an operator runs once on a fresh host: Synapse writes the signing key
    # (and says so on stdout, which is kept for the JSON).
    with contextlib.redirect_stdout(sys.stderr):
        HomeServerConfig.load_or_generate_config("rogatory production config check", ["-c", homeserver, "--generate-keys"])
    result = {"main": describe(load([homeserver])), "workers": {}}
    for worker in workers:
        result["workers"][worker] = describe(load([homeserver, worker]))
    result["redis_dependency_checks_bypassed"] = len(redis_checks)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

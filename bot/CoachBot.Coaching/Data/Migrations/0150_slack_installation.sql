-- Multi-workspace install (OAuth v2). One row per installed Slack team; the bot token is AES-GCM ciphertext (never plain):
-- a leaked dump or backup of this database does not hand out working tokens without Slack:TokenEncryptionKey.
create table slack_installation (
    team_id          text primary key,
    enterprise_id    text,
    team_name        text not null default '',
    bot_user_id      text not null,
    bot_id           text,
    app_id           text,
    scopes           text not null default '',
    token_ciphertext text not null,
    installed_by     text,                        -- the Slack user who approved the install
    installed_at     timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

-- Install links handed out but not yet come back: single use (deleted when checked), expiring.
-- Only a hash of the nonce is kept, so the table alone cannot complete anyone's install.
create table slack_oauth_state (
    nonce_hash  bytea primary key,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index slack_oauth_state_expires_idx on slack_oauth_state (expires_at);

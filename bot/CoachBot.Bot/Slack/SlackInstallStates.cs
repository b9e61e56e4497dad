using System.Buffers.Text;
using System.Security.Cryptography;
using CoachBot.Platforms.Slack;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Slack;

/// <summary>
/// The CSRF <c>state</c> of an install: a random nonce plus its HMAC, recorded in PostgreSQL (any instance can check it)
/// and deleted when it comes back, so it works once and only before it expires.
/// </summary>
internal sealed class SlackInstallStates(NpgsqlDataSource dataSource, SlackTokenCipher cipher, IOptions<SlackOptions> options, TimeProvider time)
{
    private const int NonceBytes = 32;
    private const int MaxStateLength = 128;

    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            delete from slack_oauth_state where expires_at < @now;
            insert into slack_oauth_state (nonce_hash, created_at, expires_at) values (@hash, @now, @expires);
            """, new { hash = SHA256.HashData(nonce), now, expires = now + options.Value.OAuthStateLifetime }, cancellationToken: cancellationToken));
        return $"{Base64Url.EncodeToString(nonce)}.{Base64Url.EncodeToString(cipher.SignState(nonce))}";
    }

    /// <summary>Deletes states that expired unused; returns how many.</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "delete from slack_oauth_state where expires_at < @now", new { now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>True once for a state this app issued that has not expired; false for forged, altered, replayed or stale ones.</summary>
    public async Task<bool> ConsumeAsync(string? state, CancellationToken cancellationToken)
    {
        if (state is not { Length: > 0 and <= MaxStateLength } || state.Split('.') is not [var noncePart, var signaturePart]
            || !TryDecode(noncePart, out var nonce) || nonce.Length != NonceBytes || !TryDecode(signaturePart, out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, cipher.SignState(nonce)))
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var expiresAt = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "delete from slack_oauth_state where nonce_hash = @hash returning expires_at", new { hash = SHA256.HashData(nonce) },
            cancellationToken: cancellationToken));
        return expiresAt is { } expires && time.GetUtcNow() < new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc));
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}

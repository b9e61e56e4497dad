using System.Security.Cryptography;
using CoachBot.Coaching.Secrets;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Seals installed bot tokens (<see cref="SecretSeal"/>, AES-256-GCM) under a key derived from Slack:TokenEncryptionKey,
/// and signs install states.
/// Why not ASP.NET Core Data Protection with its key ring in PostgreSQL: the keys would sit in the same database as the
/// ciphertext, so a leaked dump or backup would still yield the tokens; an environment secret kept with the signing secret
/// does not, needs no key-ring table or EF, and behaves the same on every instance.
/// </summary>
public sealed class SlackTokenCipher(IOptions<SlackOptions> options)
{
    private readonly byte[]? _tokenKey = SecretSeal.DeriveKey(options.Value.TokenEncryptionKey, "coachbot slack bot token");
    private readonly byte[]? _stateKey = SecretSeal.DeriveKey(options.Value.TokenEncryptionKey, "coachbot slack install state");

    public bool HasKey => _tokenKey is not null;

    public static bool IsValidKey(string? key) => SecretSeal.IsValidKey(key);

    /// <summary>"v1." + base64(nonce | tag | ciphertext); the team id is bound in as associated data, so rows cannot be swapped.</summary>
    public string Seal(string teamId, string token) =>
        SecretSeal.Seal(_tokenKey ?? throw new InvalidOperationException("Slack:TokenEncryptionKey is not set."), token, Associated(teamId));

    /// <summary>The token, or null when the ciphertext was made with another key, altered, or belongs to another team.</summary>
    public string? Open(string teamId, string sealedToken) => SecretSeal.Open(_tokenKey, sealedToken, Associated(teamId));

    public byte[] SignState(ReadOnlySpan<byte> nonce) =>
        HMACSHA256.HashData(_stateKey ?? throw new InvalidOperationException("Slack:TokenEncryptionKey is not set."), nonce);

    private static string Associated(string teamId) => $"slack-bot-token:{teamId}";
}

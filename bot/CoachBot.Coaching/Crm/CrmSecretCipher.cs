using CoachBot.Coaching.Secrets;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Crm;

/// <summary>
/// Seals crm_connection.secret (OAuth refresh tokens) with <see cref="SecretSeal"/> under a key derived from Crm:SecretKey,
/// as Slack bot tokens are sealed: the key lives in the environment, never beside the ciphertext in the database.
/// The connection id is the associated data, so a sealed secret copied onto another row does not open.
/// </summary>
public sealed class CrmSecretCipher(IOptions<CrmOptions> options)
{
    private readonly byte[]? _key = SecretSeal.DeriveKey(options.Value.SecretKey, "coachbot crm connection secret");

    public bool HasKey => _key is not null;

    public static bool IsValidKey(string? key) => SecretSeal.IsValidKey(key);

    /// <summary>"v1." + base64(nonce | tag | ciphertext).</summary>
    public string Seal(long connectionId, string secret) =>
        SecretSeal.Seal(_key ?? throw new InvalidOperationException("Crm:SecretKey is not set."), secret, Associated(connectionId));

    /// <summary>The secret, or null when it was sealed with another key, altered, or belongs to another connection.</summary>
    public string? Open(long connectionId, string sealedSecret) => SecretSeal.Open(_key, sealedSecret, Associated(connectionId));

    private static string Associated(long connectionId) => $"crm-connection-secret:{connectionId}";
}

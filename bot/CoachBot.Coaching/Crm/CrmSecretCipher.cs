using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Crm;

/// <summary>
/// Seals crm_connection.secret (OAuth refresh tokens) with AES-256-GCM under a key derived from Crm:SecretKey, as
/// SlackTokenCipher seals bot tokens: the key lives in the environment, never beside the ciphertext in the database.
/// The connection id is the associated data, so a sealed secret copied onto another row does not open.
/// </summary>
public sealed class CrmSecretCipher
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[]? _key;

    public CrmSecretCipher(IOptions<CrmOptions> options)
    {
        if (IsValidKey(options.Value.SecretKey))
        {
            var master = Convert.FromBase64String(options.Value.SecretKey!.Trim());
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "coachbot crm connection secret"u8.ToArray());
        }
    }

    public bool HasKey => _key is not null;

    public static bool IsValidKey(string? key)
    {
        Span<byte> bytes = stackalloc byte[33];
        return !string.IsNullOrWhiteSpace(key) && Convert.TryFromBase64String(key.Trim(), bytes, out var written) && written == 32;
    }

    /// <summary>"v1." + base64(nonce | tag | ciphertext).</summary>
    public string Seal(long connectionId, string secret)
    {
        var key = _key ?? throw new InvalidOperationException("Crm:SecretKey is not set.");
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Associated(connectionId));
        return $"{Version}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The secret, or null when it was sealed with another key, altered, or belongs to another connection.</summary>
    public string? Open(long connectionId, string sealedSecret)
    {
        if (_key is null || !sealedSecret.StartsWith(Version + ".", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(sealedSecret[(Version.Length + 1)..]);
            var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Associated(connectionId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or OverflowException)
        {
            return null;
        }
    }

    private static byte[] Associated(long connectionId) => Encoding.UTF8.GetBytes($"crm-connection-secret:{connectionId}");
}

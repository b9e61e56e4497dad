using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Coaching.Secrets;

/// <summary>
/// AES-256-GCM sealing of a stored secret (Slack bot tokens, CRM credentials) under a key derived from an environment
/// secret: "v1." + base64(nonce | tag | ciphertext). The associated data names the row the secret belongs to, so a
/// sealed value copied onto another row does not open.
/// </summary>
public static class SecretSeal
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>True for base64 of exactly 32 bytes, the master key form every sealing setting takes.</summary>
    public static bool IsValidKey(string? key)
    {
        Span<byte> bytes = stackalloc byte[33];
        return !string.IsNullOrWhiteSpace(key) && Convert.TryFromBase64String(key.Trim(), bytes, out var written) && written == 32;
    }

    /// <summary>A 32-byte key for one use (<paramref name="purpose"/>) from the master key; null when the master key is not valid.</summary>
    public static byte[]? DeriveKey(string? masterKey, string purpose) => IsValidKey(masterKey)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(masterKey!.Trim()), 32, info: Encoding.UTF8.GetBytes(purpose))
        : null;

    public static string Seal(byte[] key, string secret, string associated)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(associated));
        return $"{Version}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The secret, or null when it was sealed with another key, altered, or belongs to another row.</summary>
    public static string? Open(byte[]? key, string sealedSecret, string associated)
    {
        if (key is null || !sealedSecret.StartsWith(Version + ".", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(sealedSecret[(Version.Length + 1)..]);
            var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(associated));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or OverflowException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// Seals installed bot tokens with AES-256-GCM under a key derived from Slack:TokenEncryptionKey, and signs install states.
/// Why not ASP.NET Core Data Protection with its key ring in PostgreSQL: the keys would sit in the same database as the
/// ciphertext, so a leaked dump or backup would still yield the tokens; an environment secret kept with the signing secret
/// does not, needs no key-ring table or EF, and behaves the same on every instance.
/// </summary>
public sealed class SlackTokenCipher
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[]? _tokenKey;
    private readonly byte[]? _stateKey;

    public SlackTokenCipher(IOptions<SlackOptions> options)
    {
        if (IsValidKey(options.Value.TokenEncryptionKey))
        {
            var master = Convert.FromBase64String(options.Value.TokenEncryptionKey);
            _tokenKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "coachbot slack bot token"u8.ToArray());
            _stateKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "coachbot slack install state"u8.ToArray());
        }
    }

    public bool HasKey => _tokenKey is not null;

    public static bool IsValidKey(string? key)
    {
        Span<byte> bytes = stackalloc byte[33];
        return !string.IsNullOrWhiteSpace(key) && Convert.TryFromBase64String(key.Trim(), bytes, out var written) && written == 32;
    }

    /// <summary>"v1." + base64(nonce | tag | ciphertext); the team id is bound in as associated data, so rows cannot be swapped.</summary>
    public string Seal(string teamId, string token)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Associated(teamId));
        return $"{Version}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The token, or null when the ciphertext was made with another key, altered, or belongs to another team.</summary>
    public string? Open(string teamId, string sealedToken)
    {
        if (!sealedToken.StartsWith(Version + ".", StringComparison.Ordinal) || _tokenKey is null)
        {
            return null;
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(sealedToken[(Version.Length + 1)..]);
            var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(_tokenKey, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Associated(teamId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or OverflowException)
        {
            return null;
        }
    }

    public byte[] SignState(ReadOnlySpan<byte> nonce) =>
        HMACSHA256.HashData(_stateKey ?? throw new InvalidOperationException("Slack:TokenEncryptionKey is not set."), nonce);

    private byte[] Key() => _tokenKey ?? throw new InvalidOperationException("Slack:TokenEncryptionKey is not set.");

    private static byte[] Associated(string teamId) => Encoding.UTF8.GetBytes($"slack-bot-token:{teamId}");
}

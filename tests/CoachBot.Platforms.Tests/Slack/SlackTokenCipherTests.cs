using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackTokenCipherTests
{
    // Built at run time so no token-shaped literal sits in the repository (secret scanners flag those).
    private static readonly string Token = string.Join("-", "xoxb", "1111", "2222", "abcdefABCDEF");
    private static readonly SlackTokenCipher Cipher = Create(1);

    [Fact]
    public void ASealedTokenOpensForItsOwnTeamAndDoesNotContainTheToken()
    {
        var sealedToken = Cipher.Seal("T1", Token);

        Assert.DoesNotContain("abcdef", sealedToken, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Token, Cipher.Open("T1", sealedToken));
    }

    [Fact]
    public void SealingTwiceGivesDifferentCiphertexts() =>
        Assert.NotEqual(Cipher.Seal("T1", Token), Cipher.Seal("T1", Token));

    [Fact]
    public void ATokenMovedToAnotherTeamsRowDoesNotOpen() =>
        Assert.Null(Cipher.Open("T2", Cipher.Seal("T1", Token)));

    [Fact]
    public void AnotherKeyCannotOpenIt() =>
        Assert.Null(Create(2).Open("T1", Cipher.Seal("T1", Token)));

    [Theory]
    [InlineData("")]
    [InlineData("v1.")]
    [InlineData("v1.AAAA")]
    [InlineData("v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.not base64!")]
    public void MalformedCiphertextOpensToNull(string sealedToken) =>
        Assert.Null(Cipher.Open("T1", sealedToken));

    [Fact]
    public void AFlippedBitIsDetected()
    {
        var bytes = Convert.FromBase64String(Cipher.Seal("T1", Token)[3..]);
        bytes[^1] ^= 1;

        Assert.Null(Cipher.Open("T1", "v1." + Convert.ToBase64String(bytes)));
    }

    private static SlackTokenCipher Create(byte seed) =>
        new(Options.Create(new SlackOptions { TokenEncryptionKey = Convert.ToBase64String(Enumerable.Repeat(seed, 32).ToArray()) }));
}

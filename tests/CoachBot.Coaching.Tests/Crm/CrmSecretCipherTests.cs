using System.Security.Cryptography;
using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Tests.Crm;

public sealed class CrmSecretCipherTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void ASealedSecretOpensOnlyForItsOwnConnectionAndKey()
    {
        var cipher = Cipher(Key);
        var sealedSecret = cipher.Seal(7, """{"refresh_token":"r-123"}""");

        Assert.StartsWith("v1.", sealedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain("r-123", sealedSecret, StringComparison.Ordinal);
        Assert.Equal("""{"refresh_token":"r-123"}""", cipher.Open(7, sealedSecret));
        Assert.Null(cipher.Open(8, sealedSecret));
        Assert.Null(Cipher(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Open(7, sealedSecret));
        Assert.Null(cipher.Open(7, sealedSecret[..^4] + "AAAA"));
    }

    [Fact]
    public void WithoutAKeyNothingIsSealedAndABadKeyFailsAtStart()
    {
        Assert.Throws<InvalidOperationException>(() => Cipher(null).Seal(1, "x"));
        var result = new CrmOptionsValidator().Validate(null, new CrmOptions { SecretKey = "dG9vLXNob3J0" });

        Assert.Equal(["Crm:SecretKey must be base64 of exactly 32 bytes (openssl rand -base64 32)."], result.Failures);
    }

    [Theory]
    [InlineData("00:15:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("00:07:00", false)]
    [InlineData("00:00:30", false)]
    [InlineData("02:00:00", false)]
    public void SyncEveryMustBeWholeMinutesThatDivideAnHour(string every, bool valid)
    {
        var result = new CrmOptionsValidator().Validate(null, new CrmOptions { SyncEvery = TimeSpan.Parse(every, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }

    private static CrmSecretCipher Cipher(string? key) => new(Options.Create(new CrmOptions { SecretKey = key }));
}

using System.Text;
using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's published worked example (slack-platform.md §2.5).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    [Fact]
    public void ComputesSlacksPublishedExample()
    {
        Assert.Equal(362, BodyBytes.Length);
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, BodyBytes));
    }

    [Theory]
    [InlineData("{\"token\":\"x\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}", "v0=06ee9ff1322c67db0c1bb58492f6c5271a6ac38f587835076772e712342f27b1")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D", "v0=9dffc25b49a4a7fc2e15c9c9450bf8af09eb501fcef9039eaea3deb58af0c82c")]
    [InlineData("", "v0=55f41ec73231010289b54e669149ea021fccab11b5524355523533ce930cb739")]
    public void ComputesTheReferenceExtraVectors(string body, string expected) =>
        Assert.Equal(expected, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void AcceptsThePublishedExampleAtItsOwnTime() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, BodyBytes, SignedAt));

    [Theory]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(-301, SignatureCheck.Stale)]
    [InlineData(301, SignatureCheck.Stale)]
    public void AcceptsOnlyTimestampsWithinFiveMinutesEitherWay(int skewSeconds, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, Timestamp, Expected, BodyBytes, SignedAt.AddSeconds(-skewSeconds)));

    [Theory]
    [InlineData(null, SignatureCheck.MissingTimestamp)]
    [InlineData("", SignatureCheck.MissingTimestamp)]
    [InlineData("abc", SignatureCheck.MalformedTimestamp)]
    [InlineData("-1531420618", SignatureCheck.MalformedTimestamp)]
    [InlineData("1531420618.5", SignatureCheck.MalformedTimestamp)]
    [InlineData(" 1531420618", SignatureCheck.MalformedTimestamp)]
    [InlineData("99999999999999999999", SignatureCheck.MalformedTimestamp)]
    public void RefusesMissingOrMalformedTimestamps(string? timestamp, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, timestamp, Expected, BodyBytes, SignedAt));

    [Theory]
    [InlineData(null, SignatureCheck.MissingSignature)]
    [InlineData("", SignatureCheck.MissingSignature)]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnknownVersion)]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnknownVersion)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50", SignatureCheck.MalformedSignature)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033", SignatureCheck.MalformedSignature)]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", SignatureCheck.MalformedSignature)]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.MalformedSignature)]
    [InlineData("v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    public void RefusesMissingMalformedOrWrongSignatures(string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, Timestamp, signature, BodyBytes, SignedAt));

    [Fact]
    public void RefusesABodyChangedByOneByte()
    {
        var tampered = (byte[])BodyBytes.Clone();
        tampered[^1] ^= 1;

        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Expected, tampered, SignedAt));
    }

    [Fact]
    public void RefusesTheRightSignatureUnderAnotherSecret() =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret + "x", Timestamp, Expected, BodyBytes, SignedAt));
}

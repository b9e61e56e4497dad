using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static readonly SlackOptionsValidator Validator = new();

    [Fact]
    public void NoCredentialsMeansSlackIsOffAndValid()
    {
        var options = new SlackOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void ATokenWithoutItsSigningSecretNamesTheMissingKey()
    {
        var result = Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1" });

        Assert.True(result.Failed);
        Assert.StartsWith("Slack:SigningSecret is missing", Assert.Single(result.Failures!));
    }

    [Fact]
    public void ASigningSecretWithoutAToken()
    {
        var result = Validator.Validate(null, new SlackOptions { SigningSecret = "s" });

        Assert.StartsWith("Slack:BotToken is missing", Assert.Single(result.Failures!));
    }

    [Fact]
    public void RefusesAUserTokenAndBadLimits()
    {
        var result = Validator.Validate(null, new SlackOptions
        {
            BotToken = "xoxp-1", SigningSecret = "s", PostPerWorkspacePerMinute = 0, MaxAttempts = 0, ApiBaseUrl = new Uri("https://slack.com/api"),
        });

        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void SocketModeNeedsAnAppLevelToken()
    {
        var result = Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", AppToken = "xoxb-2" });

        Assert.StartsWith("Slack:AppToken must be an app-level token starting with xapp-", Assert.Single(result.Failures!));
    }

    [Fact]
    public void AnAppTokenAloneNamesWhatIsMissing()
    {
        var result = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-A0-1-abc" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Slack:SigningSecret is missing while Slack:AppToken is set", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Slack:BotToken is missing while Slack:AppToken is set", StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesSocketTimingsOutOfRange()
    {
        var result = Validator.Validate(null, new SlackOptions
        {
            BotToken = "xoxb-1", SigningSecret = "s", AppToken = "xapp-1", SocketDeadAfter = TimeSpan.Zero,
            SocketReconnectDelay = TimeSpan.FromMinutes(2), SocketMaxReconnectDelay = TimeSpan.FromMinutes(1),
        });

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void AcceptsSocketMode() =>
        Assert.True(Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", AppToken = "xapp-1-A0-1-abc" }).Succeeded);

    [Fact]
    public void AcceptsAFullConfiguration() =>
        Assert.True(Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" }).Succeeded);

    [Fact]
    public void OAuthSettingsWithTheSigningSecretTurnSlackOnWithoutABotToken()
    {
        var options = OAuth(new SlackOptions { SigningSecret = "s" });

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.True(options.OAuthEnabled);
        Assert.True(options.Enabled);
    }

    [Fact]
    public void OAuthSettingsAndABotTokenMayServeSideBySide() =>
        Assert.True(Validator.Validate(null, OAuth(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1" })).Succeeded);

    [Theory]
    [InlineData(nameof(SlackOptions.ClientId), "Slack:ClientId is missing")]
    [InlineData(nameof(SlackOptions.ClientSecret), "Slack:ClientSecret is missing")]
    [InlineData(nameof(SlackOptions.OAuthRedirectUrl), "Slack:OAuthRedirectUrl is missing")]
    [InlineData(nameof(SlackOptions.TokenEncryptionKey), "Slack:TokenEncryptionKey is missing")]
    public void OAuthSettingsAreAllOrNothing(string left, string expected)
    {
        var options = OAuth(new SlackOptions { SigningSecret = "s" });
        typeof(SlackOptions).GetProperty(left)!.SetValue(options, left == nameof(SlackOptions.OAuthRedirectUrl) ? null : "");

        var result = Validator.Validate(null, options);

        Assert.StartsWith(expected, Assert.Single(result.Failures!));
        Assert.False(options.Enabled);
    }

    [Fact]
    public void OAuthSettingsWithoutTheSigningSecretNameIt()
    {
        var result = Validator.Validate(null, OAuth(new SlackOptions()));

        Assert.StartsWith("Slack:SigningSecret is missing while Slack:ClientId is set", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void RefusesAnEncryptionKeyThatIsNot32Bytes(string key)
    {
        var options = OAuth(new SlackOptions { SigningSecret = "s" });
        options.TokenEncryptionKey = key;

        Assert.StartsWith("Slack:TokenEncryptionKey must be base64 of exactly 32 bytes", Assert.Single(Validator.Validate(null, options).Failures!));
    }

    [Fact]
    public void RefusesARedirectUrlThatIsNotTheMappedEndpoint()
    {
        var options = OAuth(new SlackOptions { SigningSecret = "s" });
        options.OAuthRedirectUrl = new Uri("https://coachbot.example.com/oauth");

        Assert.StartsWith("Slack:OAuthRedirectUrl must be", Assert.Single(Validator.Validate(null, options).Failures!));
    }

    private static SlackOptions OAuth(SlackOptions options)
    {
        options.ClientId = "123.456";
        options.ClientSecret = "client-secret";
        options.OAuthRedirectUrl = new Uri("https://coachbot.example.com/slack/oauth_redirect");
        options.TokenEncryptionKey = Convert.ToBase64String(new byte[32]);
        return options;
    }
}

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
    public void AcceptsAFullConfiguration() =>
        Assert.True(Validator.Validate(null, new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" }).Succeeded);
}

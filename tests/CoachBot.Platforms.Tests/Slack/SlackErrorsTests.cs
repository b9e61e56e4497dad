using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Platforms.Tests.Slack;

public sealed class SlackErrorsTests
{
    [Theory]
    [InlineData("ratelimited")]
    [InlineData("internal_error")]
    [InlineData("fatal_error")]
    [InlineData("service_unavailable")]
    public void RetryableCodes(string error) => Assert.Equal(SlackErrorClass.Retryable, SlackErrors.Classify(error));

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("user_not_found")]
    [InlineData("messages_tab_disabled")]
    [InlineData("invalid_blocks")]
    [InlineData("msg_too_long")]
    [InlineData("some_new_code_slack_invents")]
    public void PermanentCodes(string error) => Assert.Equal(SlackErrorClass.Permanent, SlackErrors.Classify(error));

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    [InlineData("token_expired")]
    public void WorkspaceFatalCodes(string error) => Assert.Equal(SlackErrorClass.WorkspaceFatal, SlackErrors.Classify(error));

    [Theory]
    [InlineData(429, SlackErrorClass.Retryable)]
    [InlineData(500, SlackErrorClass.Retryable)]
    [InlineData(503, SlackErrorClass.Retryable)]
    [InlineData(400, SlackErrorClass.Permanent)]
    [InlineData(404, SlackErrorClass.Permanent)]
    public void HttpStatuses(int status, SlackErrorClass expected) => Assert.Equal(expected, SlackErrors.ClassifyStatus(status));

    [Theory]
    [InlineData("user_not_found", ChatFailureKind.Unreachable)]
    [InlineData("messages_tab_disabled", ChatFailureKind.Unreachable)]
    [InlineData("invalid_blocks", ChatFailureKind.Permanent)]
    [InlineData("token_revoked", ChatFailureKind.WorkspaceFatal)]
    [InlineData("ratelimited", ChatFailureKind.Retryable)]
    public void MapsToTheNeutralFailureKinds(string error, ChatFailureKind expected) =>
        Assert.Equal(expected, SlackErrors.ToFailureKind(SlackErrors.Classify(error), error));
}

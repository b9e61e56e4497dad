namespace CoachBot.Bot.Slack;

/// <summary>The exact bytes Slack signed, set by the signature filter; handlers parse only these.</summary>
internal sealed record VerifiedSlackRequest(byte[] Body, string? RetryNum, string? RetryReason)
{
    public bool IsRetry => !string.IsNullOrEmpty(RetryNum);
}

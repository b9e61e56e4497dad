namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>What came back from CoachBot: a status and body, or the Slack-style error a user would see instead.</summary>
public sealed record Delivery(int? Status, string? ContentType, string Body, string? Failure)
{
    public bool Succeeded => Failure is null && Status is >= 200 and < 300;

    public string Outcome => Failure ?? $"HTTP {Status}";
}

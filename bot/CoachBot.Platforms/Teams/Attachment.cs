using System.Text.Json;

namespace CoachBot.Platforms.Teams;

public sealed record Attachment(string ContentType, JsonElement? Content = null)
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}

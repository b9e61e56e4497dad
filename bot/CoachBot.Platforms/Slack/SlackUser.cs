using System.Text.Json.Nodes;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// The parts of <c>users.info</c> CoachBot uses. <see cref="TimeZone"/> is an IANA id such as Europe/London.
/// <see cref="DisplayName"/> is the person's one name in CoachBot: their full (real) name, else their display name, else their handle.
/// </summary>
public sealed record SlackUser(string Id, string DisplayName, string? Email, string? TimeZone, string? Locale, bool IsBot, bool Deleted)
{
    public static SlackUser From(JsonObject user)
    {
        var profile = user["profile"]?.AsObject();
        var display = new[] { (string?)profile?["real_name"], (string?)user["real_name"], (string?)profile?["display_name"], (string?)user["name"] }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "";
        return new SlackUser(
            (string)user["id"]!,
            display,
            (string?)profile?["email"],
            (string?)user["tz"],
            (string?)user["locale"],
            (bool?)user["is_bot"] ?? false,
            (bool?)user["deleted"] ?? false);
    }
}

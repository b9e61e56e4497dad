using System.Text.RegularExpressions;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Removes only the bot's own @mention from a message, found through the mention entities by id (never by name,
/// which can change); other people's mentions stay, since commands like "reassign @Maria" need them.
/// </summary>
public static partial class MentionText
{
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (botId is not null)
        {
            foreach (var mention in activity.Entities ?? [])
            {
                if (mention.Type != "mention" || !string.Equals(mention.Mentioned?.Id, botId, StringComparison.Ordinal))
                {
                    continue;
                }

                // Group chats sometimes send the entity without its text: fall back to the tag Teams puts in the message.
                var tag = mention.Text ?? $"<at>{mention.Mentioned?.Name}</at>";
                text = text.Replace(tag, " ", StringComparison.Ordinal);
            }
        }

        // Line breaks stay: a multi-line `import` CSV is rows, not one long line.
        var flat = text.Replace("&nbsp;", " ", StringComparison.Ordinal).ReplaceLineEndings("\n");
        var stripped = LineBreak().Replace(Spaces().Replace(flat, " "), "\n").Trim();
        // Slack habits: "/coach escalations" typed in Teams means the same as "escalations".
        return stripped.StartsWith("/coach ", StringComparison.OrdinalIgnoreCase) ? stripped["/coach ".Length..].TrimStart() : stripped;
    }

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" ?\n ?")]
    private static partial Regex LineBreak();
}

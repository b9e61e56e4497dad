using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Teams leaves "&lt;at&gt;Ava Martinez&lt;/at&gt;" in the text for each @mention. Commands name people by CoachBot's key
/// (the AAD object id), so each mention the Connector can place becomes "&lt;@aad|Ava Martinez&gt;"; one it cannot stays
/// as the name, which the core matches against names.
/// </summary>
internal static class TeamsMentions
{
    public static async Task<string> ToPersonRefsAsync(Activity activity, string text, TeamsPeople people, CancellationToken cancellationToken)
    {
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type != "mention" || mention.Mentioned is not { } who || who.Id == activity.Recipient?.Id)
            {
                continue;
            }

            var tag = mention.Text ?? $"<at>{who.Name}</at>";
            if (!text.Contains(tag, StringComparison.Ordinal))
            {
                continue;
            }

            var name = (who.Name ?? "").Replace("|", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
            text = await people.AadObjectIdAsync(activity, who, cancellationToken) is { Length: > 0 } aad && IsPlainId(aad)
                ? text.Replace(tag, $"<@{aad}|{name}>", StringComparison.Ordinal)
                : text.Replace(tag, $"@{name}", StringComparison.Ordinal);
        }

        return text;
    }

    private static bool IsPlainId(string id) => id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_' or '.');
}

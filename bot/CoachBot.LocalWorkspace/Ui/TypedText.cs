using System.Text.RegularExpressions;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>Turns what a person typed into the text Slack delivers: &amp;, &lt;, &gt; escaped, @names as &lt;@U…&gt;.</summary>
public static partial class TypedText
{
    public static string ToSlack(string typed, WorkspaceState state)
    {
        var escaped = typed.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        return Mention().Replace(escaped, match =>
        {
            var handle = match.Groups[1].Value;
            if (handle.Equals(state.Roster.Bot.Name, StringComparison.OrdinalIgnoreCase))
            {
                return $"<@{state.Ids.BotUserId}>";
            }

            var person = state.Roster.People.FirstOrDefault(p => p.Handle.Equals(handle, StringComparison.OrdinalIgnoreCase));
            return person is null ? match.Value : $"<@{person.UserId}>";
        });
    }

    public static bool MentionsBot(string slackText, WorkspaceState state) => slackText.Contains($"<@{state.Ids.BotUserId}>", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![\w@])@([\p{L}][\p{L}\d_.-]*)")]
    private static partial Regex Mention();
}

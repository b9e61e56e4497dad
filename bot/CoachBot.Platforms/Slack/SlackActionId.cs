namespace CoachBot.Platforms.Slack;

/// <summary>Slack needs unique action_ids per message; CoachBot's neutral ids repeat (rating buttons), so copies get a "#n" suffix.</summary>
public static class SlackActionId
{
    private const char Separator = '#';

    public static string Numbered(string actionId, int n) => $"{actionId}{Separator}{n}";

    public static string Neutral(string slackActionId) =>
        slackActionId.IndexOf(Separator) is var at and >= 0 ? slackActionId[..at] : slackActionId;
}

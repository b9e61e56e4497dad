using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Primitives;

namespace CoachBot.Bot.Slack;

/// <summary>
/// The fields of a slash command CoachBot uses; stored as JSON when the answer is finished by a job. The deprecated
/// <c>user_name</c> (a handle) is not read: who the person is comes from users.info, as for events.
/// </summary>
internal sealed record SlackCommand(string TeamId, string UserId, string ChannelId, string Text, string TriggerId, string? ResponseUrl)
{
    public static SlackCommand? From(Dictionary<string, StringValues> form)
    {
        string? Field(string key) => form.TryGetValue(key, out var value) && value.Count == 1 ? value[0] : null;
        string? Id(string key) => Field(key) is { } value && SlackId.IsWellFormed(value) ? value : null;
        if (Id("team_id") is not { } team || Id("user_id") is not { } user || Id("channel_id") is not { } channel || Id("trigger_id") is not { } trigger
            || Field("command") is not { Length: > 1 })
        {
            return null;
        }

        // PostgreSQL cannot store U+0000, and the core may store what was typed: drop it, keep the rest.
        string? Typed(string key) => Field(key)?.Replace("\0", "", StringComparison.Ordinal);
        return new SlackCommand(team, user, channel, Typed("text") ?? "", trigger, Typed("response_url"));
    }

    public static SlackCommand? From(JsonObject json) =>
        json.Str("team_id") is { } team && json.Str("user_id") is { } user && json.Str("channel_id") is { } channel
            ? new SlackCommand(team, user, channel, json.Str("text") ?? "", json.Str("trigger_id") ?? "", json.Str("response_url"))
            : null;

    /// <remarks>Slack sends the typed text with &amp;, &lt; and &gt; as entities; the core gets what was typed.</remarks>
    public InboundCommand ToInbound(Sender from) => new(from, new ChatAddress(ChatPlatform.Slack, TeamId, ChannelId), SlackText.Unescape(Text).Trim());

    /// <summary>The command as the core sees it, with the sender described by their (cached) Slack profile: name, email, time zone.</summary>
    public async Task<InboundCommand> ToInboundAsync(SlackPeople people, SlackWebClient slack, CancellationToken cancellationToken) =>
        ToInbound(await people.GetSenderAsync(slack, TeamId, UserId, cancellationToken));

    public JsonObject ToJson() => new()
    {
        ["team_id"] = TeamId,
        ["user_id"] = UserId,
        ["channel_id"] = ChannelId,
        ["text"] = Text,
        ["trigger_id"] = TriggerId,
        ["response_url"] = ResponseUrl,
    };
}

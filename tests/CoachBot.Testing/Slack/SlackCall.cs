using System.Text.Json.Nodes;

namespace CoachBot.Testing.Slack;

/// <summary>One request the fake Slack received: the method (or "response_url"), its arguments as JSON, and the auth header.</summary>
public sealed record SlackCall(string Method, JsonObject Args, string? Authorization, string ContentType, DateTimeOffset At)
{
    /// <summary>For "response_url" calls: the hook's id, the last segment of the URL CoachBot posted to.</summary>
    public string? Hook { get; init; }

    public string? Arg(string name) => Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Args[name]?.ToJsonString();
}

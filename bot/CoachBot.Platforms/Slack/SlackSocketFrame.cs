using System.Text.Json.Nodes;

namespace CoachBot.Platforms.Slack;

/// <summary>
/// One Socket Mode message (slack-platform.md §11): <c>hello</c>, <c>disconnect</c> with its reason, or an envelope
/// (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) that must be acked by its id.
/// </summary>
public sealed record SlackSocketFrame(string Type, string? EnvelopeId, JsonObject? Payload, bool AcceptsResponsePayload, int RetryAttempt, string? RetryReason, string? Reason)
{
    /// <summary>Stands for a message that is not a JSON object with a type: logged and skipped.</summary>
    public static readonly SlackSocketFrame Unreadable = new("", null, null, false, 0, null, null);

    public static SlackSocketFrame Parse(ReadOnlySpan<byte> utf8) =>
        SlackJson.ParseObject(utf8) is { } frame && frame.Str("type") is { Length: > 0 } type
            ? new SlackSocketFrame(
                type, frame.Str("envelope_id"), frame.Obj("payload"), frame.Bool("accepts_response_payload") == true,
                frame["retry_attempt"] is JsonValue attempt && attempt.TryGetValue<int>(out var n) ? n : 0, frame.Str("retry_reason"), frame.Str("reason"))
            : Unreadable;

    /// <summary>The ack Slack waits for (within 3 s); <paramref name="payload"/> is sent only when the envelope accepts one.</summary>
    public JsonObject Ack(JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = EnvelopeId };
        if (AcceptsResponsePayload && payload is not null)
        {
            ack["payload"] = payload;
        }

        return ack;
    }
}

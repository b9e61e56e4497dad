using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Bot.Hosting;
using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Primitives;

namespace CoachBot.Bot.Slack.SocketMode;

/// <summary>
/// Feeds a Socket Mode envelope to the same AcceptAsync as its HTTP endpoint (same checks, dedupe, durable record, answer)
/// and turns the outcome into the envelope's ack. An event that could not be recorded is left unacked, so Slack retries
/// it, as the HTTP endpoint's 503 makes it do.
/// </summary>
internal sealed class SlackSocketDispatch(
    SlackInboundStore store, SlackWorkspaces workspaces, SlackBotIdentity identity, SlackInstallations installations, SlackInboundLane lane,
    SlackCommandRunner runner, SchemaGuard schema, TimeProvider time, IServiceScopeFactory scopes, ILogger<SlackSocketDispatch> logger)
{
    // Names the transport in the endpoints' logs, where HTTP names its path.
    private static readonly PathString Events = "/slack/socket/events_api";
    private static readonly PathString Commands = "/slack/socket/slash_commands";
    private static readonly PathString Interactive = "/slack/socket/interactive";

    /// <summary>The ack to send, or null when the envelope must stay unacked.</summary>
    public async Task<JsonObject?> AckAsync(SlackSocketFrame envelope, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await AcceptAsync(envelope, cancellationToken);
            return envelope.Ack(ack.Body);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            schema.NoteFailure(ex);
            SlackSocketLog.NotAcked(logger, envelope.Type, ex.GetType().Name);
            return null;
        }
        catch (Exception ex) when (DatabaseOutage.IsRetryableStorageFailure(ex))
        {
            SlackSocketLog.NotAcked(logger, envelope.Type, ex.GetType().Name);
            return null;
        }
    }

    private async Task<SlackAck> AcceptAsync(SlackSocketFrame envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Type)
        {
            case "events_api":
                var retryNum = envelope.RetryAttempt > 0 ? envelope.RetryAttempt.ToString(CultureInfo.InvariantCulture) : null;
                return await SlackEventsEndpoint.AcceptAsync(
                    envelope.Payload, Events, retryNum, envelope.RetryReason, store, workspaces, identity, installations, lane, logger, cancellationToken);
            case "slash_commands":
                return await SlackCommandsEndpoint.AcceptAsync(AsForm(envelope.Payload), Commands, store, runner, schema, time, logger, cancellationToken);
            case "interactive":
                using (var scope = scopes.CreateScope())
                {
                    var slack = scope.ServiceProvider.GetRequiredService<SlackWebClient>();
                    return await SlackInteractionsEndpoint.AcceptAsync(envelope.Payload, Interactive, store, slack, lane, logger, cancellationToken);
                }

            default:
                SlackSocketLog.Skipped(logger, $"envelope type {envelope.Type}");
                return SlackAck.Ok;
        }
    }

    // Over the socket a command's fields arrive as a JSON object of strings; HTTP sends the same fields as a form.
    private static Dictionary<string, StringValues>? AsForm(JsonObject? payload) =>
        payload?.Where(field => field.Value is JsonValue value && value.TryGetValue<string>(out _))
            .ToDictionary(field => field.Key, field => new StringValues(field.Value!.GetValue<string>()));
}

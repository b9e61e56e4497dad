using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Data;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;
using Hangfire;

namespace CoachBot.Bot.Slack;

/// <summary>POST /slack/interactions: verified form → <c>payload</c> JSON → block_actions recorded once and enqueued → 200.</summary>
internal static class SlackInteractionsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, SlackInboundStore store, SlackWebClient slack, SlackInboundLane lane, ILogger<SlackInboundJob> logger,
        CancellationToken cancellationToken)
    {
        var form = SlackForm.Read(http.Features.GetRequiredFeature<VerifiedSlackRequest>().Body);
        var payload = form is not null && form.TryGetValue("payload", out var raw) && raw.Count == 1 ? SlackJson.ParseObject(raw[0]!) : null;
        return (await AcceptAsync(payload, http.Request.Path, store, slack, lane, logger, cancellationToken)).ToResult();
    }

    /// <summary>The interaction's whole handling before the ack, for HTTP and Socket Mode alike.</summary>
    public static async Task<SlackAck> AcceptAsync(
        JsonObject? payload, PathString source, SlackInboundStore store, SlackWebClient slack, SlackInboundLane lane, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (payload?.Str("type") is not { } type)
        {
            SlackEndpointLog.Malformed(logger, source, "interaction payload");
            return SlackAck.Malformed;
        }

        // CoachBot opens no modals yet, so a view_submission just closes the view; other types are not ours.
        if (type != "block_actions")
        {
            SlackEndpointLog.Ignored(logger, type, "unhandled interaction type");
            return SlackAck.Ok;
        }

        var userId = payload.Obj("user").Id("id");
        var teamId = payload.Obj("team").Id("id") ?? payload.Obj("user").Id("team_id");
        var action = payload.Arr("actions") is [JsonObject first, ..] ? first : null;
        var container = payload.Obj("container");
        if (userId is null || teamId is null || action?.Id("action_id") is not { } actionId || action.Id("action_ts") is not { } actionTs
            || !container.IdOrAbsent("channel_id") || !container.IdOrAbsent("message_ts") || !payload.Obj("channel").IdOrAbsent("id"))
        {
            SlackEndpointLog.Malformed(logger, source, "block_actions");
            return SlackAck.Malformed;
        }

        long? id;
        try
        {
            // A replayed or re-delivered click carries the same action_ts: recorded once, answered every time.
            id = await store.RecordAsync($"act:{actionTs}:{userId}:{actionId}", teamId, SlackInboundJob.Action, payload.ForStorage(), cancellationToken);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            // Slack does not retry clicks: say so to the person who clicked, and leave the message as it was.
            SlackEndpointLog.DatabaseUnavailable(logger, source, ex.GetType().Name);
            await TellUnavailableAsync(slack, teamId, payload.Str("response_url"), logger);
            return SlackAck.Ok;
        }

        if (id is not null)
        {
            lane.Offer(id.Value);
        }

        return SlackAck.Ok;
    }

    private static async Task TellUnavailableAsync(SlackWebClient slack, string teamId, string? responseUrl, ILogger logger)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
        {
            return;
        }

        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await slack.RespondAsync(teamId, url, CoachMessage.Plain(OutageAnswers.BrieflyUnavailable), inChannel: false, replaceOriginal: false, budget.Token);
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException or HttpRequestException)
        {
            SlackEndpointLog.LateAnswerFailed(logger, ex);
        }
    }
}

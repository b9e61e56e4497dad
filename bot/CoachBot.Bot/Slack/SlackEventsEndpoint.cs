using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;
using Hangfire;

namespace CoachBot.Bot.Slack;

/// <summary>POST /slack/events: verified JSON → url_verification, or dedupe on event_id → record → enqueue → 200.</summary>
internal static class SlackEventsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, SlackInboundStore store, SlackWorkspaces workspaces, SlackBotIdentity identity, SlackInstallations installations, SlackInboundLane lane,
        ILogger<SlackInboundJob> logger, CancellationToken cancellationToken)
    {
        var request = http.Features.GetRequiredFeature<VerifiedSlackRequest>();
        var ack = await AcceptAsync(
            SlackJson.ParseObject(request.Body), http.Request.Path, request.RetryNum, request.RetryReason, store, workspaces, identity, installations, lane, logger,
            cancellationToken);
        return ack.ToResult();
    }

    /// <summary>The event's whole handling before the ack, for HTTP and Socket Mode alike; <paramref name="source"/> only names it in logs.</summary>
    public static async Task<SlackAck> AcceptAsync(
        JsonObject? envelope, PathString source, string? retryNum, string? retryReason, SlackInboundStore store, SlackWorkspaces workspaces,
        SlackBotIdentity identity, SlackInstallations installations, SlackInboundLane lane, ILogger logger, CancellationToken cancellationToken)
    {
        if (envelope?.Str("type") is not { } type)
        {
            SlackEndpointLog.Malformed(logger, source, "event JSON");
            return SlackAck.Malformed;
        }

        switch (type)
        {
            case "url_verification":
                return envelope.Str("challenge") is { } challenge ? new SlackAck(StatusCodes.Status200OK, Text: challenge) : SlackAck.Malformed;
            case "app_rate_limited":
                SlackEndpointLog.AppRateLimited(logger, envelope.Id("team_id") ?? "?");
                return SlackAck.Ok;
            case not "event_callback":
                return SlackAck.Ok;
        }

        // The ids become keys (dedupe, person, conversation), so each is checked here, once, before anything is stored.
        if (envelope.Id("event_id") is not { } eventId
            || envelope.Id("team_id") is not { } teamId
            || envelope.Obj("event") is not { } inner)
        {
            SlackEndpointLog.Malformed(logger, source, "event_callback");
            return SlackAck.Malformed;
        }

        var eventType = inner.Str("type") ?? "";
        if (SlackEventFilter.IgnoreReason(inner, identity.KnownFor(teamId)) is { } reason)
        {
            SlackEndpointLog.Ignored(logger, eventType, reason);
            return SlackAck.Ok;
        }

        if (!inner.IdOrAbsent("user") || !inner.IdOrAbsent("channel") || !inner.IdOrAbsent("ts") || !inner.IdOrAbsent("thread_ts"))
        {
            SlackEndpointLog.Malformed(logger, source, "event ids");
            return SlackAck.Malformed;
        }

        if (eventType == "app_uninstalled" || (eventType == "tokens_revoked" && inner.Obj("tokens").Arr("bot") is { Count: > 0 }))
        {
            // Idempotent and quick: stop sending at once and forget an installed token; people, profiles and history stay.
            await workspaces.DisableAsync(teamId, eventType, cancellationToken);
            await installations.RemoveAsync(teamId, cancellationToken);
            SlackEndpointLog.WorkspaceRemoved(logger, teamId, eventType);
            return SlackAck.Ok;
        }

        if (eventType == "tokens_revoked")
        {
            return SlackAck.Ok;
        }

        var id = await store.RecordAsync(eventId, teamId, SlackInboundJob.Event, envelope.ForStorage(), cancellationToken);
        if (id is null)
        {
            SlackEndpointLog.Duplicate(logger, eventId, retryNum, retryReason);
            return SlackAck.Ok;
        }

        lane.Offer(id.Value);
        return SlackAck.Ok;
    }
}

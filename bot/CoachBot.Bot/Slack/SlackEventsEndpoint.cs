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
        if (SlackJson.ParseObject(request.Body) is not { } envelope || envelope.Str("type") is not { } type)
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "event JSON");
            return TypedResults.BadRequest();
        }

        switch (type)
        {
            case "url_verification":
                return envelope.Str("challenge") is { } challenge ? TypedResults.Text(challenge) : TypedResults.BadRequest();
            case "app_rate_limited":
                SlackEndpointLog.AppRateLimited(logger, envelope.Id("team_id") ?? "?");
                return TypedResults.Ok();
            case not "event_callback":
                return TypedResults.Ok();
        }

        // The ids become keys (dedupe, person, conversation), so each is checked here, once, before anything is stored.
        if (envelope.Id("event_id") is not { } eventId
            || envelope.Id("team_id") is not { } teamId
            || envelope.Obj("event") is not { } inner)
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "event_callback");
            return TypedResults.BadRequest();
        }

        var eventType = inner.Str("type") ?? "";
        if (SlackEventFilter.IgnoreReason(inner, identity.KnownFor(teamId)) is { } reason)
        {
            SlackEndpointLog.Ignored(logger, eventType, reason);
            return TypedResults.Ok();
        }

        if (!inner.IdOrAbsent("user") || !inner.IdOrAbsent("channel") || !inner.IdOrAbsent("ts") || !inner.IdOrAbsent("thread_ts"))
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "event ids");
            return TypedResults.BadRequest();
        }

        if (eventType == "app_uninstalled" || (eventType == "tokens_revoked" && inner.Obj("tokens").Arr("bot") is { Count: > 0 }))
        {
            // Idempotent and quick: stop sending at once and forget an installed token; people, profiles and history stay.
            await workspaces.DisableAsync(teamId, eventType, cancellationToken);
            await installations.RemoveAsync(teamId, cancellationToken);
            SlackEndpointLog.WorkspaceRemoved(logger, teamId, eventType);
            return TypedResults.Ok();
        }

        if (eventType == "tokens_revoked")
        {
            return TypedResults.Ok();
        }

        var id = await store.RecordAsync(eventId, teamId, SlackInboundJob.Event, envelope.ForStorage(), cancellationToken);
        if (id is null)
        {
            SlackEndpointLog.Duplicate(logger, eventId, request.RetryNum, request.RetryReason);
            return TypedResults.Ok();
        }

        lane.Offer(id.Value);
        return TypedResults.Ok();
    }
}

using Microsoft.AspNetCore.Http.Features;
using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Data;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;
using Hangfire;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Bot.Slack;

/// <summary>POST /slack/interactions: verified form → <c>payload</c> JSON → block_actions recorded once and enqueued → 200.</summary>
internal static class SlackInteractionsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, SlackInboundStore store, SlackWebClient slack, IBackgroundJobClient jobs, ILogger<SlackInboundJob> logger,
        CancellationToken cancellationToken)
    {
        var form = new FormReader(Encoding.UTF8.GetString(http.Features.GetRequiredFeature<VerifiedSlackRequest>().Body)).ReadForm();
        if (!form.TryGetValue("payload", out var raw) || raw.Count != 1 || SlackJson.ParseObject(raw[0]!) is not { } payload
            || payload.Str("type") is not { } type)
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "interaction payload");
            return TypedResults.BadRequest();
        }

        // CoachBot opens no modals yet, so a view_submission just closes the view; other types are not ours.
        if (type != "block_actions")
        {
            SlackEndpointLog.Ignored(logger, type, "unhandled interaction type");
            return TypedResults.Ok();
        }

        var userId = payload.Obj("user").Str("id");
        var teamId = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id");
        var action = payload.Arr("actions") is [System.Text.Json.Nodes.JsonObject first, ..] ? first : null;
        if (userId is null || teamId is null || action?.Str("action_id") is not { } actionId || action.Str("action_ts") is not { } actionTs)
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "block_actions");
            return TypedResults.BadRequest();
        }

        long? id;
        try
        {
            // A replayed or re-delivered click carries the same action_ts: recorded once, answered every time.
            id = await store.RecordAsync($"act:{actionTs}:{userId}:{actionId}", teamId, SlackInboundJob.Action, raw[0]!, cancellationToken);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            // Slack does not retry clicks: say so to the person who clicked, and leave the message as it was.
            SlackEndpointLog.DatabaseUnavailable(logger, http.Request.Path, ex.GetType().Name);
            await TellUnavailableAsync(slack, teamId, payload.Str("response_url"), logger);
            return TypedResults.Ok();
        }

        if (id is not null)
        {
            jobs.Enqueue<SlackInboundJob>(JobQueues.Send, job => job.RunAsync(id.Value, CancellationToken.None));
        }

        return TypedResults.Ok();
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

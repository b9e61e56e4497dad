using Microsoft.AspNetCore.Http.Features;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachBot.Bot.Slack;

/// <summary>
/// POST /slack/commands: "/coach …" goes to the core with a budget well inside Slack's 3 s; the answer is the HTTP
/// response (ephemeral unless the core says otherwise). Past the budget, a job finishes it through response_url.
/// </summary>
internal static class SlackCommandsEndpoint
{
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2000);
    public const string WorkingOnIt = "Working on it…";
    public const string SomethingWentWrong = "Sorry, that did not work. Try `/coach help` for what I can do.";

    public static async Task<IResult> HandleAsync(
        HttpContext http, [FromServices] ICoachingInbox inbox, [FromServices] SlackPeople people, [FromServices] SlackWebClient slack, SlackInboundStore store, IBackgroundJobClient jobs, TimeProvider time,
        ILogger<SlackInboundJob> logger, CancellationToken cancellationToken)
    {
        var form = new FormReader(Encoding.UTF8.GetString(http.Features.GetRequiredFeature<VerifiedSlackRequest>().Body)).ReadForm();
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            return TypedResults.Ok();
        }

        var command = SlackCommand.From(form);
        if (command is null)
        {
            SlackEndpointLog.Malformed(logger, http.Request.Path, "slash command form");
            return TypedResults.BadRequest();
        }

        // A replayed request (same trigger_id) is answered but not run again.
        if (!await store.FirstSeenAsync($"cmd:{command.TriggerId}", cancellationToken))
        {
            return TypedResults.Ok();
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The profile lookup (users.info, cached) runs inside the budget: a first contact needs the email to recognise an admin.
        var work = RunAsync(inbox, command, people, slack, budget.Token);
        try
        {
            var reply = await work.WaitAsync(Budget, time, cancellationToken);
            return reply.Messages.Count == 0 ? TypedResults.Ok() : TypedResults.Json(Render(reply));
        }
        catch (TimeoutException)
        {
            await budget.CancelAsync();
            SlackEndpointLog.CommandDeferred(logger, Budget);
            var id = await store.RecordAsync(null, command.TeamId, SlackInboundJob.Command, command.ToJson().ToJsonString(), cancellationToken);
            jobs.Enqueue<SlackInboundJob>(JobQueues.Send, job => job.RunAsync(id!.Value, CancellationToken.None));
            return TypedResults.Json(Render(InboxReply.Say(WorkingOnIt)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackEndpointLog.CommandFailed(logger, ex);
            return TypedResults.Json(Render(InboxReply.Say(SomethingWentWrong)));
        }
    }

    private static async Task<InboxReply> RunAsync(ICoachingInbox inbox, SlackCommand command, SlackPeople people, SlackWebClient slack, CancellationToken cancellationToken) =>
        await inbox.OnCommandAsync(await command.ToInboundAsync(people, slack, cancellationToken), cancellationToken);

    public static JsonObject Render(InboxReply reply)
    {
        var joined = SlackReplies.Join(reply);
        return new JsonObject
        {
            ["response_type"] = reply.Visibility == ReplyVisibility.InConversation ? "in_channel" : "ephemeral",
            ["text"] = BlockKitRenderer.FallbackText(joined),
            ["blocks"] = BlockKitRenderer.RenderBlocks(joined),
        };
    }
}

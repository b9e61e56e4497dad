using Microsoft.AspNetCore.Http.Features;
using System.Text.Json.Nodes;
using CoachBot.Bot.Hosting;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Primitives;

namespace CoachBot.Bot.Slack;

/// <summary>
/// POST /slack/commands: "/coach …" goes to the core; an answer within the budget (well inside Slack's 3 s) is the HTTP
/// response (ephemeral unless the core says otherwise). Slower work is never cut: it finishes and answers via response_url.
/// Slack does not retry commands, so a database outage is answered (help in full) instead of a 503.
/// </summary>
internal static class SlackCommandsEndpoint
{
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2000);
    public const string WorkingOnIt = "Working on it…";
    public const string SomethingWentWrong = "Sorry, that did not work. Try `/coach help` for what I can do.";

    public static async Task<IResult> HandleAsync(
        HttpContext http, SlackInboundStore store, SlackCommandRunner runner, SchemaGuard schema, TimeProvider time,
        ILogger<SlackInboundJob> logger, CancellationToken cancellationToken)
    {
        var form = SlackForm.Read(http.Features.GetRequiredFeature<VerifiedSlackRequest>().Body);
        if (form is not null && form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            return TypedResults.Ok();
        }

        return (await AcceptAsync(form, http.Request.Path, store, runner, schema, time, logger, cancellationToken)).ToResult();
    }

    /// <summary>The command's whole handling before the ack, for HTTP and Socket Mode alike: the answer is the ack's body.</summary>
    public static async Task<SlackAck> AcceptAsync(
        Dictionary<string, StringValues>? form, PathString source, SlackInboundStore store, SlackCommandRunner runner, SchemaGuard schema, TimeProvider time,
        ILogger logger, CancellationToken cancellationToken)
    {
        var command = form is null ? null : SlackCommand.From(form);
        if (command is null)
        {
            SlackEndpointLog.Malformed(logger, source, "slash command form");
            return SlackAck.Malformed;
        }

        try
        {
            // A replayed request (same trigger_id) is answered but not run again.
            if (!await store.FirstSeenAsync($"cmd:{command.TriggerId}", cancellationToken))
            {
                return SlackAck.Ok;
            }
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            schema.NoteFailure(ex);
            SlackEndpointLog.CommandDuringOutage(logger, ex.GetType().Name);
            return SlackAck.Json(Render(OutageAnswers.ForCommand(command.Text)));
        }

        var work = runner.Start(command);
        await ((Task)work).WaitAsync(Budget, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!work.IsCompleted)
        {
            SlackEndpointLog.CommandDeferred(logger, Budget);
            runner.AnswerLater(command, work);
            return SlackAck.Json(Render(InboxReply.Say(WorkingOnIt)));
        }

        var reply = runner.Outcome(command, work);
        return reply.Messages.Count == 0 ? SlackAck.Ok : SlackAck.Json(Render(reply));
    }

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

using System.Collections.Concurrent;
using CoachBot.Bot.Hosting;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Runs "/coach …" in the core without the request's token: work with side effects is never cut in the middle. An answer
/// that outruns the ack budget is sent through response_url when the work ends; shutdown waits for work in flight.
/// </summary>
internal sealed class SlackCommandRunner(ICoachingInbox inbox, SlackPeople people, IServiceScopeFactory scopes, SchemaGuard schema, ILogger<SlackCommandRunner> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <remarks>The profile lookup (users.info, cached) is part of the work: a first contact needs the email to recognise an admin.</remarks>
    public Task<InboxReply> Start(SlackCommand command) => Track(Task.Run(async () =>
    {
        using var scope = scopes.CreateScope();
        var slack = scope.ServiceProvider.GetRequiredService<SlackWebClient>();
        return await inbox.OnCommandAsync(await command.ToInboundAsync(people, slack, CancellationToken.None), CancellationToken.None);
    }));

    /// <summary>The answer a finished (or failed) command gets; an outage is said plainly, <c>help</c> still answered.</summary>
    public InboxReply Outcome(SlackCommand command, Task<InboxReply> work)
    {
        if (work.IsCompletedSuccessfully)
        {
            return work.Result;
        }

        var error = work.Exception!.GetBaseException();
        if (DatabaseOutage.IsOutage(error))
        {
            schema.NoteFailure(error);
            SlackEndpointLog.CommandDuringOutage(logger, error.GetType().Name);
            return OutageAnswers.ForCommand(command.Text);
        }

        SlackEndpointLog.CommandFailed(logger, error);
        return InboxReply.Say(SlackCommandsEndpoint.SomethingWentWrong);
    }

    public void AnswerLater(SlackCommand command, Task<InboxReply> work) => Track(AnswerAsync(command, work));

    private async Task AnswerAsync(SlackCommand command, Task<InboxReply> work)
    {
        await ((Task)work).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SlackCommandWork>().AnswerAsync(command, Outcome(command, work), CancellationToken.None);
        }
        catch (Exception ex)
        {
            SlackEndpointLog.LateAnswerFailed(logger, ex);
        }
    }

    private T Track<T>(T task) where T : Task
    {
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
}

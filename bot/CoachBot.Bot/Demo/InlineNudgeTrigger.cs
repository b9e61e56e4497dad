using CoachBot.Jobs.Nudges;

namespace CoachBot.Bot.Demo;

// Inline rather than through Hangfire: a queued send runs after the demo clock has moved on and is expired as late.
internal sealed class InlineNudgeTrigger(IServiceProvider services, ILogger<InlineNudgeTrigger> logger) : IDemoNudgeTrigger
{
    public Task RunDueNowAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DueNudgeRunner>() is not { } runner)
        {
            DemoLog.NoDispatcher(logger);
            return Task.CompletedTask;
        }

        return runner.RunDueAsync(cancellationToken);
    }

    public Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken) =>
        services.GetService<DueNudgeRunner>() is { } runner ? runner.NextDueAsync(until, cancellationToken) : Task.FromResult<DateTimeOffset?>(null);
}

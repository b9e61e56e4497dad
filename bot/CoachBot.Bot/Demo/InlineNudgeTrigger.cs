using CoachBot.Jobs.Nudges;

namespace CoachBot.Bot.Demo;

// Inline rather than through Hangfire: a queued send runs after the demo clock has moved on and is expired as late.
// Escalation deadlines passed by the demo clock run here too (see DemoDeadlines).
internal sealed class InlineNudgeTrigger(IServiceProvider services, DemoDeadlines deadlines, TimeProvider clock, ILogger<InlineNudgeTrigger> logger)
    : IDemoNudgeTrigger
{
    public async Task RunDueNowAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DueNudgeRunner>() is not { } runner)
        {
            DemoLog.NoDispatcher(logger);
            return;
        }

        await runner.RunDueAsync(cancellationToken);
        await deadlines.RunDueAsync(clock.GetUtcNow(), cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (services.GetService<DueNudgeRunner>() is not { } runner)
        {
            return null;
        }

        var nudge = await runner.NextDueAsync(until, cancellationToken);
        var deadline = deadlines.NextDue(until);
        return nudge is null ? deadline : deadline is null ? nudge : (nudge < deadline ? nudge : deadline);
    }
}

namespace CoachBot.Bot.Demo;

/// <summary>
/// Seam between demo mode and the nudge dispatcher: "run whatever is due now". Called after /demo/nudge-now marks a rep due
/// and after /demo/clock/advance moves the clock. The default triggers the recurring job "dispatch-nudges" if it exists;
/// scheduling can register its own implementation (a later AddSingleton wins) to run the dispatcher directly.
/// </summary>
public interface IDemoNudgeTrigger
{
    Task RunDueNowAsync(CancellationToken cancellationToken);
}

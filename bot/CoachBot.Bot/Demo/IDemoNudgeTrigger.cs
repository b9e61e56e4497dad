namespace CoachBot.Bot.Demo;

/// <summary>
/// Seam between demo mode and the nudge dispatcher: "run whatever is due now" and "when is the next thing due".
/// Called after /demo/nudge-now marks a rep due, and at each step of /demo/clock/advance. The default runs the
/// dispatcher, the follow-ups and their sends inline (<see cref="InlineNudgeTrigger"/>).
/// </summary>
public interface IDemoNudgeTrigger
{
    Task RunDueNowAsync(CancellationToken cancellationToken);

    /// <summary>The earliest moment at or before <paramref name="until"/> when nudge work is due, or null.</summary>
    Task<DateTimeOffset?> NextDueAsync(DateTimeOffset until, CancellationToken cancellationToken);
}

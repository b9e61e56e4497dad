namespace CoachBot.Bot.Slack;

/// <summary>Hourly: deletes install states that expired without coming back (abandoned installs), so the table stays small.</summary>
internal sealed class SlackInstallStateSweepJob(SlackInstallStates states)
{
    public const string RecurringId = "slack-install-state-sweep";

    public Task RunAsync(CancellationToken cancellationToken) => states.SweepExpiredAsync(cancellationToken);
}

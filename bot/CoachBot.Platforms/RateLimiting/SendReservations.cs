using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Reserves a batch of sends to one workspace or tenant up front, at that platform's own configured rate and key
/// (<see cref="SlackRates"/>, <see cref="TeamsRates"/>), so a caller such as the nudge sender never spells either.
/// </summary>
public sealed class SendReservations(SharedRateGate gate, IOptions<SlackOptions> slack, IOptions<TeamsOptions> teams)
{
    public RateLimit RateOf(PersonKey workspace) => workspace.Platform switch
    {
        ChatPlatform.Slack => SlackRates.Post(slack.Value, workspace.WorkspaceId),
        ChatPlatform.Teams => TeamsRates.Tenant(teams.Value, workspace.WorkspaceId),
        _ => throw new ArgumentOutOfRangeException(nameof(workspace), workspace.Platform, "no send rate for this platform"),
    };

    /// <summary>
    /// Takes <paramref name="count"/> consecutive slots if the first starts within <paramref name="maxWait"/>; otherwise
    /// takes nothing and says how long until the key frees up (<see cref="SharedRateGate.TryReserveAsync"/>).
    /// </summary>
    public async Task<BatchReservation> TryReserveAsync(PersonKey workspace, int count, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var rate = RateOf(workspace);
        var (reserved, wait) = await gate.TryReserveAsync(rate.Key, rate.PerSecond, maxWait, cancellationToken, count);
        return new BatchReservation(reserved, wait, rate);
    }
}

/// <summary>A batch's reservation: slot i starts <see cref="StartOf"/>(i) from now.</summary>
public sealed record BatchReservation(bool Reserved, TimeSpan Wait, RateLimit Rate)
{
    public TimeSpan StartOf(int index) => Wait + Rate.Spacing * index;

    /// <summary>A fresh slot to hand to one send of this batch.</summary>
    public RateSlot NewSlot() => new(Rate.Key, Rate.PerSecond);
}

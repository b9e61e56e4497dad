using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Learning;

/// <summary>Answers the rep's `why` from their own nudge history: the stored reason, their answers per style and send time.</summary>
public sealed class WhyThisWording(NudgeHistory history, TimeProvider time)
{
    private const int Depth = 200;

    public async Task<string> ExplainAsync(Person person, RepProfile profile, CancellationToken cancellationToken)
    {
        var past = await history.RecentAsync(person.Id, Depth, cancellationToken);
        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return WordingExplanation.For(
            past.FirstOrDefault(), profile.Style, profile.StyleSource, StyleEvidence.From(past, now), SendTimeEvidence.From(past, zone, now));
    }
}

using CoachBot.Coaching.Managers;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class EngagementTrendTests
{
    private static WeekEngagement Week(int answered, double? confidence, int sent = 5) => new(sent, answered, confidence);

    [Fact]
    public void AnswersFallingTwoWeeksRunningRaiseTheWatchLine()
    {
        var watch = EngagementTrend.Watch([Week(5, 4), Week(5, 4), Week(3, 4), Week(1, 4)]);

        Assert.Equal("nudges answered fell 2 weeks running (5 → 5 → 3 → 1)", watch);
    }

    [Fact]
    public void ConfidenceFallingTwoWeeksRunningRaisesItToo()
    {
        var watch = EngagementTrend.Watch([Week(4, 4.5), Week(4, 4.0), Week(4, 3.5), Week(4, 3.0)]);

        Assert.Equal("confidence fell 3 weeks running (4.5 → 4.0 → 3.5 → 3.0 (falling))", watch);
    }

    [Fact]
    public void OneBadWeekIsNoTrend()
    {
        Assert.Null(EngagementTrend.Watch([Week(5, 4), Week(5, 4), Week(5, 4), Week(2, 3)]));
    }

    [Fact]
    public void AWeekWithoutNudgesEndsTheCountSoAPauseIsNotADrift()
    {
        Assert.Null(EngagementTrend.Watch([Week(5, 4), Week(3, 4), Week(0, null, sent: 0), Week(2, 4)]));
    }

    [Fact]
    public void TheConfidenceTrendShowsEachWeekAndTheDirection()
    {
        Assert.Equal("3.5 → – → 4.0 → 4.5 (rising)", EngagementTrend.Confidence([Week(1, 3.5), Week(0, null), Week(1, 4.0), Week(1, 4.5)]));
        Assert.Null(EngagementTrend.Confidence([Week(1, null), Week(1, null)]));
    }
}

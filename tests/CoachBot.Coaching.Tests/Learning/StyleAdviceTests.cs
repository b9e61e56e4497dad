using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Tests.Learning.StyleLearnerTests;

namespace CoachBot.Coaching.Tests.Learning;

public class StyleAdviceTests
{
    private static readonly DateTimeOffset Later = new(2026, 12, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StrongEvidenceNamesTheBetterStyle()
    {
        var history = Many(CommunicationStyle.Driver, worked: 2, of: 10).Concat(Many(CommunicationStyle.Analytical, worked: 5, of: 5)).ToList();
        var suggestion = StyleAdvice.Suggest(CommunicationStyle.Driver, StyleEvidence.From(history, Later));
        Assert.NotNull(suggestion);
        Assert.Equal(CommunicationStyle.Analytical, suggestion.Better.Style);
        Assert.Equal("5 of 5 Analytical nudges", suggestion.Better.Describe());
        Assert.Equal("2 of 10 Driver nudges", suggestion.Current.Describe());
    }

    [Theory]
    [InlineData(6, 10, 3, 4)]   // 60 % vs 75 % over few trials: could be luck
    [InlineData(2, 10, 3, 3)]   // too few trials of the other style
    [InlineData(1, 4, 5, 5)]    // too little of the declared style
    public void WeakEvidenceSuggestsNothing(int declaredWorked, int declaredSent, int otherWorked, int otherSent)
    {
        var history = Many(CommunicationStyle.Driver, declaredWorked, declaredSent).Concat(Many(CommunicationStyle.Expressive, otherWorked, otherSent)).ToList();
        Assert.Null(StyleAdvice.Suggest(CommunicationStyle.Driver, StyleEvidence.From(history, Later)));
    }

    [Fact]
    public void WhyExplainsATrialWithTheRepsOwnNumbers()
    {
        var history = Many(CommunicationStyle.Driver, worked: 2, of: 5).Concat(Many(CommunicationStyle.Analytical, worked: 4, of: 5)).ToList();
        var latest = history.Last() with { Reason = StyleReason.Explored };
        var text = WordingExplanation.For(latest, CommunicationStyle.Driver, "quiz", StyleEvidence.From(history, Later),
            SendTimeEvidence.From(history, TimeZoneInfo.Utc, Later));
        Assert.Equal(
            "Your last nudge tried Analytical wording. Your style is still Driver: at most one nudge in 5 tries another style, so I learn what you answer.\n"
            + "Say `style driver` to keep every nudge Driver.\n"
            + "So far you answer 4 of 5 Analytical nudges and 2 of 5 Driver nudges (done, rated 4+ or answered the same working day).",
            text);
    }

    [Fact]
    public void WhyReportsSendTimesOnceThereIsEvidence()
    {
        var morning = Enumerable.Range(0, 5).Select(i => Record(CommunicationStyle.Driver, worked: i < 4, daysAgo: i + 1, hourUtc: 9));
        var afternoon = Enumerable.Range(0, 4).Select(i => Record(CommunicationStyle.Driver, worked: i < 1, daysAgo: i + 1, hourUtc: 16));
        var history = morning.Concat(afternoon).ToList();
        var times = SendTimeEvidence.From(history, TimeZoneInfo.Utc, Later);
        Assert.Equal("You answer 4 of 5 morning nudges and 1 of 4 afternoon nudges.", times.Describe());
        Assert.Null(SendTimeEvidence.From(morning.ToList(), TimeZoneInfo.Utc, Later).Describe());
    }

    private static IEnumerable<NudgeRecord> Many(CommunicationStyle style, int worked, int of) =>
        Enumerable.Range(0, of).Select(i => Record(style, worked: i < worked, daysAgo: i + 1));
}

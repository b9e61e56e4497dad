using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Learning;

public class StyleLearnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NeverMoreThanOneNudgeInFiveOffTheDeclaredStyle()
    {
        // A rep who never answers their declared style tempts the learner hard; the budget must still hold.
        var history = new List<NudgeRecord>();
        for (var i = 0; i < 400; i++)
        {
            var decision = Decide(CommunicationStyle.Driver, "quiz", history, seed: (ulong)i);
            history.Insert(0, Record(decision.Style, worked: decision.Style == CommunicationStyle.Analytical, daysAgo: 0, decision.Reason));
        }

        var reasons = history.Select(h => h.Reason).ToList();
        for (var start = 0; start + StyleLearner.ExplorationWindow <= reasons.Count; start++)
        {
            Assert.True(reasons.Skip(start).Take(StyleLearner.ExplorationWindow).Count(r => r == StyleReason.Explored) <= 1);
        }

        Assert.True(reasons.Count(r => r == StyleReason.Explored) >= 60, "the learner should use its budget when the declared style never works");
        Assert.All(history.Where(h => h.Reason == StyleReason.Explored), h => Assert.NotEqual(CommunicationStyle.Driver, h.Style));
    }

    [Fact]
    public void TrialsGoToTheStyleThatWorks()
    {
        var history = new List<NudgeRecord>();
        for (var i = 0; i < 300; i++)
        {
            var decision = Decide(CommunicationStyle.Driver, "quiz", history, seed: (ulong)i * 7919);
            history.Insert(0, Record(decision.Style, worked: decision.Style == CommunicationStyle.Analytical, daysAgo: 0, decision.Reason));
        }

        var lateTrials = history.Take(150).Where(h => h.Reason == StyleReason.Explored).ToList();
        Assert.True(lateTrials.Count(h => h.Style == CommunicationStyle.Analytical) >= lateTrials.Count * 0.8,
            $"trials late on: {string.Join(", ", lateTrials.GroupBy(h => h.Style).Select(g => $"{g.Key} {g.Count()}"))}");
    }

    [Fact]
    public void ExploresRarelyWhenTheDeclaredStyleWorks()
    {
        var history = new List<NudgeRecord>();
        for (var i = 0; i < 300; i++)
        {
            var decision = Decide(CommunicationStyle.Amiable, "quiz", history, seed: (ulong)i * 104729);
            history.Insert(0, Record(decision.Style, worked: decision.Style == CommunicationStyle.Amiable, daysAgo: 0, decision.Reason));
        }

        Assert.True(history.Take(150).Count(h => h.Reason == StyleReason.Explored) <= 8);
    }

    [Fact]
    public void AStyleTheRepChoseIsNeverExplored()
    {
        var history = Enumerable.Range(0, 30).Select(_ => Record(CommunicationStyle.Expressive, worked: false, daysAgo: 1)).ToList();
        for (var seed = 0UL; seed < 200; seed++)
        {
            Assert.Equal(new StyleDecision(CommunicationStyle.Expressive, StyleReason.Chosen), Decide(CommunicationStyle.Expressive, "self", history, seed));
        }
    }

    [Fact]
    public void NoTrialsDuringTheWarmUp()
    {
        var history = Enumerable.Range(0, StyleLearner.WarmUp - 1).Select(_ => Record(CommunicationStyle.Driver, worked: false, daysAgo: 1)).ToList();
        for (var seed = 0UL; seed < 200; seed++)
        {
            Assert.Equal(StyleReason.Declared, Decide(CommunicationStyle.Driver, "quiz", history, seed).Reason);
        }
    }

    [Fact]
    public void AnUnknownStyleUsesTheFallbackAndSaysSo()
    {
        Assert.Equal(new StyleDecision(CommunicationStyle.Amiable, StyleReason.Assumed), Decide(null, "unknown", [], 1));
    }

    [Fact]
    public void TheSameSeedDecidesTheSameWay()
    {
        var history = Enumerable.Range(0, 20).Select(i => Record(i % 2 == 0 ? CommunicationStyle.Driver : CommunicationStyle.Expressive, worked: i % 3 == 0, daysAgo: 2)).ToList();
        for (var seed = 0UL; seed < 50; seed++)
        {
            Assert.Equal(Decide(CommunicationStyle.Driver, "quiz", history, seed), Decide(CommunicationStyle.Driver, "quiz", history, seed));
        }
    }

    [Theory]
    [InlineData(NudgeResponse.Done, null, 30, true)]
    [InlineData(NudgeResponse.Rated, 4, 20, true)]
    [InlineData(NudgeResponse.Rated, 2, 20, false)]
    [InlineData(NudgeResponse.Replied, null, 3, true)]
    [InlineData(NudgeResponse.Replied, null, 20, false)]
    [InlineData(NudgeResponse.Snoozed, null, 1, false)]
    public void WhatCountsAsWorked(NudgeResponse response, int? confidence, int answeredAfterHours, bool worked)
    {
        var sent = Now.AddDays(-3);
        var record = new NudgeRecord(1, Guid.NewGuid(), "x", 1, CommunicationStyle.Driver, false, FocusSkill.Closing, sent,
            sent.AddHours(answeredAfterHours), response, confidence);
        Assert.Equal(worked, NudgeOutcome.Worked(record, Now));
    }

    [Fact]
    public void AnUnansweredNudgeIsUndecidedUntilItsWorkingDayIsOver()
    {
        Assert.Null(NudgeOutcome.Worked(new NudgeRecord(1, Guid.NewGuid(), "x", 1, CommunicationStyle.Driver, false, FocusSkill.Closing, Now.AddHours(-2)), Now));
        Assert.False(NudgeOutcome.Worked(new NudgeRecord(1, Guid.NewGuid(), "x", 1, CommunicationStyle.Driver, false, FocusSkill.Closing, Now.AddHours(-9)), Now));
    }

    internal static NudgeRecord Record(CommunicationStyle style, bool worked, double daysAgo, StyleReason reason = StyleReason.Declared, int hourUtc = 9)
    {
        var sent = Now.Date.AddDays(-daysAgo).AddHours(hourUtc);
        var at = new DateTimeOffset(sent, TimeSpan.Zero);
        return worked
            ? new NudgeRecord(1, Guid.NewGuid(), "x", 1, style, false, FocusSkill.Closing, at, at.AddMinutes(30), NudgeResponse.Done, Reason: reason)
            : new NudgeRecord(1, Guid.NewGuid(), "x", 1, style, false, FocusSkill.Closing, at, Reason: reason);
    }

    private static StyleDecision Decide(CommunicationStyle? declared, string source, IReadOnlyList<NudgeRecord> history, ulong seed) =>
        StyleLearner.Decide(declared, source, StyleEvidence.From(history, Now.AddDays(1)),
            history.Select(h => h.Reason ?? StyleReason.Declared).ToList(), seed, CommunicationStyle.Amiable);
}

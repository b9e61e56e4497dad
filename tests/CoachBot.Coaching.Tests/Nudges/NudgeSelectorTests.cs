using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Nudges.Selection;
using CoachBot.Coaching.Profiles;
using static CoachBot.Coaching.Tests.Nudges.TestNudges;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class NudgeSelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Fact]
    public void ExactFitFollowsFocusSkillRaceAndLevel()
    {
        var selector = new NudgeSelector(Library(FullGrid()), Window);

        var selection = selector.Select(Request([FocusSkill.Closing], Race.Distance, ExperienceLevel.Experienced));

        Assert.Equal("closing-distance-experienced", selection.Intent.Id);
        Assert.Equal(NudgeFit.Exact, selection.Fit);
    }

    [Fact]
    public void SameSeedSelectsTheSameIntentAndSeedsSpreadTheChoice()
    {
        var library = Library([.. Enumerable.Range(1, 8).Select(n => Intent($"discovery-{n}"))]);
        var selector = new NudgeSelector(library, Window);

        var first = selector.Select(Request([FocusSkill.Discovery], seed: 42));
        var again = selector.Select(Request([FocusSkill.Discovery], seed: 42));
        var spread = Enumerable.Range(0, 40).Select(seed => selector.Select(Request([FocusSkill.Discovery], seed: (ulong)seed)).Intent.Id).Distinct();

        Assert.Same(first.Intent, again.Intent);
        Assert.True(spread.Count() > 3, "different seeds should reach different intents");
    }

    [Fact]
    public void IntentSentInsideTheWindowIsNotRepeated()
    {
        var library = Library(Intent("discovery-a"), Intent("discovery-b"));
        var selector = new NudgeSelector(library, Window);
        var history = new[] { new PastNudge("discovery-a", FocusSkill.Discovery, Now.AddDays(-29)) };

        var picks = Enumerable.Range(0, 20).Select(seed => selector.Select(Request([FocusSkill.Discovery], history: history, seed: (ulong)seed)).Intent.Id);

        Assert.All(picks, id => Assert.Equal("discovery-b", id));
    }

    [Fact]
    public void IntentMayReturnOnceTheWindowHasPassed()
    {
        var selector = new NudgeSelector(Library(Intent("discovery-a")), Window);
        var history = new[] { new PastNudge("discovery-a", FocusSkill.Discovery, Now.AddDays(-31)) };

        var selection = selector.Select(Request([FocusSkill.Discovery], history: history));

        Assert.Equal(("discovery-a", NudgeFit.Exact), (selection.Intent.Id, selection.Fit));
    }

    [Fact]
    public void WindowIsConfigurable()
    {
        var history = new[] { new PastNudge("discovery-sprint-newer", FocusSkill.Discovery, Now.AddDays(-10)) };
        var shortWindow = new NudgeSelector(Library(FullGrid()), TimeSpan.FromDays(7));
        var longWindow = new NudgeSelector(Library(FullGrid()), TimeSpan.FromDays(14));

        Assert.Equal(NudgeFit.Exact, shortWindow.Select(Request([FocusSkill.Discovery], history: history)).Fit);
        Assert.NotEqual(NudgeFit.Exact, longWindow.Select(Request([FocusSkill.Discovery], history: history)).Fit);
    }

    [Fact]
    public void FocusSkillsRotateLeastRecentlyNudgedFirst()
    {
        var selector = new NudgeSelector(Library(FullGrid()), TimeSpan.Zero);
        var history = new List<PastNudge>();
        var focus = new[] { FocusSkill.Demo, FocusSkill.Closing, FocusSkill.Forecasting };

        var skills = new List<FocusSkill>();
        for (var day = 0; day < 6; day++)
        {
            var at = Now.AddDays(day);
            var picked = selector.Select(Request(focus, history: history, now: at)).Intent;
            skills.Add(picked.Skill);
            history.Add(new PastNudge(picked.Id, picked.Skill, at));
        }

        Assert.Equal([.. focus, .. focus], skills);
    }

    [Fact]
    public void ExhaustedSkillFallsBackToOtherLevelThenToOtherSkillsInTheSameRace()
    {
        var selector = new NudgeSelector(Library(FullGrid()), Window);
        var history = new List<PastNudge> { new("demo-sprint-newer", FocusSkill.Demo, Now.AddDays(-1)) };

        var otherLevel = selector.Select(Request([FocusSkill.Demo], history: history));
        history.Add(new("demo-sprint-experienced", FocusSkill.Demo, Now.AddHours(-1)));
        var otherSkill = selector.Select(Request([FocusSkill.Demo], history: history));

        Assert.Equal(("demo-sprint-experienced", NudgeFit.OtherLevel), (otherLevel.Intent.Id, otherLevel.Fit));
        Assert.Equal(NudgeFit.OtherSkill, otherSkill.Fit);
        Assert.Equal([Race.Sprint], otherSkill.Intent.Races);
        Assert.Equal([ExperienceLevel.Newer], otherSkill.Intent.Levels);
    }

    [Theory]
    [InlineData(Race.Sprint, ExperienceLevel.Newer)]
    [InlineData(Race.Middle, ExperienceLevel.Experienced)]
    [InlineData(Race.Distance, ExperienceLevel.Newer)]
    public void ShippedLibraryGivesANewRepThirtyWorkingDaysOfNudgesAllInTheirOwnRace(Race race, ExperienceLevel level)
    {
        var selector = new NudgeSelector(NudgeLibrary.LoadEmbedded(), Window);
        var history = new List<PastNudge>();
        var picks = new List<NudgeSelection>();

        for (var day = Now; picks.Count < 30; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var picked = selector.Select(Request([FocusSkill.Prospecting], race, level, history, day, seed: (ulong)picks.Count));
            picks.Add(picked);
            history.Add(new PastNudge(picked.Intent.Id, picked.Intent.Skill, day));
        }

        Assert.All(picks, p => Assert.Contains(race, p.Intent.Races));
        // Nothing repeats inside the repeat window; thirty working days span six weeks, so an intent first sent more than
        // the window ago may return (the rep's own skill first), and only then.
        for (var i = 0; i < history.Count; i++)
        {
            var earlier = history.Take(i).LastOrDefault(h => h.IntentId == history[i].IntentId);
            Assert.True(earlier is null || history[i].SentAt - earlier.SentAt >= Window, $"{history[i].IntentId} repeated on {history[i].SentAt:d}, first sent {earlier?.SentAt:d}");
        }
        Assert.All(picks.Take(NudgeContentRules.MinimumIntentsPerCell), p => Assert.Equal((NudgeFit.Exact, FocusSkill.Prospecting), (p.Fit, p.Intent.Skill)));
    }

    [Fact]
    public void AUsedUpCellCyclesAgainLongestUnseenFirstAndNeverCrossesTheRace()
    {
        var cell = new[] { Intent("discovery-a"), Intent("discovery-b"), Intent("discovery-c") };
        var elsewhere = new[] { Intent("discovery-mid-a", race: Race.Middle), Intent("discovery-far-a", race: Race.Distance) };
        var selector = new NudgeSelector(Library([.. cell, .. elsewhere]), TimeSpan.FromDays(2));
        var history = new List<PastNudge>();

        var picks = new List<string>();
        for (var day = 0; day < 9; day++)
        {
            var picked = selector.Select(Request([FocusSkill.Discovery], history: history, now: Now.AddDays(day), seed: (ulong)day)).Intent;
            picks.Add(picked.Id);
            history.Add(new PastNudge(picked.Id, picked.Skill, Now.AddDays(day)));
        }

        Assert.Equal(["discovery-a", "discovery-b", "discovery-c"], picks.Take(3).Order());
        Assert.Equal(picks.Take(3).Concat(picks.Take(3)), picks.Skip(3).Take(6));
    }

    [Fact]
    public void ExhaustedFocusSkillsFallBackToAnotherSkillThatFits()
    {
        var selector = new NudgeSelector(Library(FullGrid()), Window);
        var history = FullGrid().Where(i => i.Skill == FocusSkill.Demo).Select(i => new PastNudge(i.Id, i.Skill, Now.AddDays(-2))).ToList();

        var selection = selector.Select(Request([FocusSkill.Demo], Race.Middle, ExperienceLevel.Experienced, history));

        Assert.Equal(NudgeFit.OtherSkill, selection.Fit);
        Assert.NotEqual(FocusSkill.Demo, selection.Intent.Skill);
        Assert.True(selection.Intent.Fits(Race.Middle, ExperienceLevel.Experienced));
    }

    [Fact]
    public void WhenEverythingIsRecentTheOldestNudgeOfTheRepsOwnCellReturns()
    {
        var grid = FullGrid(3);
        var history = grid.Select((i, n) => new PastNudge(i.Id, i.Skill, i.Id switch
        {
            "demo-sprint-experienced" or "demo-middle-newer" => Now.AddDays(-29),
            "demo-sprint-newer-2" => Now.AddDays(-25),
            _ => Now.AddDays(-20).AddMinutes(n),
        }));
        var selector = new NudgeSelector(Library(grid), Window);

        var selection = selector.Select(Request([FocusSkill.Demo], history: [.. history]));

        Assert.Equal(("demo-sprint-newer-2", NudgeFit.RepeatOldest), (selection.Intent.Id, selection.Fit));
    }

    [Fact]
    public void RepWithoutFocusSkillsIsCoachedAcrossAllSkills()
    {
        var selector = new NudgeSelector(Library(FullGrid()), TimeSpan.Zero);
        var history = new List<PastNudge>();

        for (var day = 0; day < FocusSkills.All.Count; day++)
        {
            var picked = selector.Select(Request([], history: history, now: Now.AddDays(day), seed: 7)).Intent;
            history.Add(new PastNudge(picked.Id, picked.Skill, Now.AddDays(day)));
        }

        Assert.Equal(FocusSkills.All.Order(), history.Select(h => h.Skill).Order());
    }

    [Fact]
    public void ShippedLibraryGivesARepWithTwoFocusSkillsFourWorkingWeeksOfDailyNudgesWithoutRepeats()
    {
        var library = NudgeLibrary.LoadEmbedded();
        var selector = new NudgeSelector(library, Window);
        var history = new List<PastNudge>();

        for (var day = 0; day < 20; day++)
        {
            var picked = selector.Select(Request([FocusSkill.Prospecting, FocusSkill.Closing], history: history, now: Now.AddDays(day), seed: (ulong)day)).Intent;
            history.Add(new PastNudge(picked.Id, picked.Skill, Now.AddDays(day)));
        }

        Assert.Equal(history.Count, history.Select(h => h.IntentId).Distinct().Count());
    }

    private static NudgeSelectionRequest Request(
        IReadOnlyList<FocusSkill> focus,
        Race race = Race.Sprint,
        ExperienceLevel level = ExperienceLevel.Newer,
        IReadOnlyList<PastNudge>? history = null,
        DateTimeOffset? now = null,
        ulong seed = 1) =>
        new(focus, race, level, history ?? [], now ?? Now, seed);
}

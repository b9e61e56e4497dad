using CoachBot.Testing.Journeys;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Journeys;

// Sam's month with his own targets: one set in setup, one typed, one his manager proposes and he accepts; progress
// logged by a tap on a nudge and by typing; the midweek pace check; a target hit, a personal best, a paused week that
// does not break his run, a record run; and Maya's brief built from it all. His numbers reach only him and his manager.
public sealed class RepMonthWithGoalsJourney(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task ARepRunsHisOwnRaceForAMonthAndHisManagersBriefIsBuiltFromIt(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var (sam, maya, ava) = (journey.Cast.Sam, journey.Cast.Maya, journey.Cast.Ava);
        await journey.AdminSetsUpAsync();
        await journey.ManagersArriveAsync();

        // Setup offers middle-distance targets; he takes one with a tap.
        var setUp = await journey.OnboardAsync(sam, "abbaab", "Middle distance", ["Discovery"], "09:00–17:30", goal: "4 meetings booked weekly");
        setUp.Saying("You're all set");
        (await journey.CommandAsync(sam, "goal 2 demos weekly")).Saying("Goal set: 2 demos weekly");
        var wrong = await journey.CommandAsync(sam, "goal 20 widgets weekly");
        wrong.Saying("not a metric I track");
        wrong.Saying("calls, meetings, demos, stakeholders, proposals, pipeline, deals");
        (await journey.CommandAsync(sam, "goal 30 calls daily")).Saying("As a middle-distance runner");

        // Maya proposes a third; Sam accepts on the card, and Maya hears he did.
        (await journey.CommandAsync(maya, $"goal {journey.Mention(sam)} 3 proposals monthly")).Saying("Proposed 3 proposals sent monthly");
        var proposal = journey.Look(sam).WithButton("Accept");
        proposal.Saying("Maya Okafor proposes a goal for you: 3 proposals sent monthly");
        Assert.True(proposal.HasButton("Change it"), $"[{platform}] {proposal}");
        (await journey.PressAsync(sam, proposal, "Accept")).Saying("Accepted: 3 proposals sent monthly");
        journey.Look(maya).Saying("Sam Rivera accepted your proposed goal: 3 proposals sent monthly");

        // Week 1: a tap on the nudge logs a meeting, then he types two more.
        var (_, nudge, _) = await journey.WaitForAsync(sam, m => m.HasButton("+1 meeting"), TimeSpan.FromDays(4));
        Assert.True(nudge.HasButton("+1 demo") && nudge.HasButton("+1 proposal") && nudge.HasButton("Done"), $"[{platform}] nudge: {nudge}");
        (await journey.PressAsync(sam, nudge, "+1 meeting")).Saying("Logged 1 meeting booked");
        (await journey.SayAsync(sam, "booked 2 meetings")).Saying("Logged 2 meetings booked");

        // Midweek, in his working hours, he hears where he stands: 3 of 4 with half the week left.
        await journey.AdvanceToLocalAsync(sam, DayOfWeek.Wednesday, new TimeOnly(12, 0));
        var (_, pace, paceAt) = await journey.WaitForAsync(sam, m => m.Has("of the week left"), TimeSpan.FromHours(4));
        pace.Saying("75 % with 49 % of the week left: ahead of pace");
        pace.Saying("0 % with 49 % of the week left: behind pace");
        Assert.InRange(paceAt.TimeOfDay, new TimeSpan(13, 15, 0), new TimeSpan(14, 0, 0));
        (await journey.SayAsync(sam, "booked 1 meeting")).Saying("target");

        // Week 2: a bigger week is a personal best and a run of two.
        await journey.AdvanceToLocalAsync(sam, DayOfWeek.Monday, new TimeOnly(10, 0));
        var best = await journey.SayAsync(sam, "log 5 meetings");
        best.Saying("personal");
        best.Saying("2 weeks in a row on target");

        // Week 3 he pauses and logs nothing; week 4 the run carries on through it, to a record.
        await journey.AdvanceToLocalAsync(sam, DayOfWeek.Monday, new TimeOnly(10, 0));
        (await journey.SayAsync(sam, "pause for 1 week")).ExpectNot("didn't recognise");
        await journey.AdvanceToLocalAsync(sam, DayOfWeek.Monday, new TimeOnly(10, 30));
        await journey.CommandAsync(sam, "resume");
        var record = await journey.SayAsync(sam, "log 4 meetings");
        record.Saying("3 weeks in a row on target");
        record.Saying("longest run");
        var goals = await journey.CommandAsync(sam, "goal");
        goals.Saying("best week: 5");
        goals.Saying("longest 3");

        // Maya's brief: his goals and records, the trend, what he answered, and an opener from those facts.
        var brief = (await journey.CommandAsync(maya, $"brief {journey.Mention(sam)}")).Saying("Weekly brief: Sam Rivera");
        brief.Saying("Goals (their own targets)");
        brief.Saying("4 meetings booked of 4 this week (100 %), target hit");
        brief.Saying("best week: 5");
        brief.Saying("3 weeks on target in a row (record 3)");
        brief.Saying("Confidence trend");
        brief.Saying("Suggested 1:1 opener");
        brief.Saying("meetings target: 4 of 4");
        output.WriteLine($"[{platform}] brief as Maya sees it:\n{brief.Text}");

        // His private space: `my data` lists his goals; Ava, another rep, never sees his numbers.
        (await journey.CommandAsync(sam, "my data")).Saying("Your goals (private)");
        Assert.DoesNotContain(journey.Screen(ava), m => m.Has("Sam") || m.Has("meetings booked"));
    }
}
